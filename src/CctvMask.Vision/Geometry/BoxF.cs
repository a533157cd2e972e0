namespace CctvMask.Vision.Geometry;

/// <summary>An axis-aligned box in pixels, top-left origin.</summary>
public readonly record struct BoxF(float X, float Y, float Width, float Height)
{
    /// <summary>X + Width.</summary>
    public float Right => X + Width;

    /// <summary>Y + Height.</summary>
    public float Bottom => Y + Height;

    /// <summary>Width·Height (0 for degenerate boxes).</summary>
    public float Area => Width > 0 && Height > 0 ? Width * Height : 0f;

    /// <summary>Centre X.</summary>
    public float CenterX => X + Width * 0.5f;

    /// <summary>Centre Y.</summary>
    public float CenterY => Y + Height * 0.5f;

    /// <summary>The shorter side.</summary>
    public float ShortSide => MathF.Min(Width, Height);

    /// <summary>The longer side.</summary>
    public float LongSide => MathF.Max(Width, Height);

    /// <summary>Creates a box from corner coordinates.</summary>
    public static BoxF FromCorners(float left, float top, float right, float bottom) =>
        new(left, top, right - left, bottom - top);

    /// <summary>Intersection over union; 0 when either box is empty.</summary>
    public static float IoU(BoxF a, BoxF b)
    {
        float iw = MathF.Min(a.Right, b.Right) - MathF.Max(a.X, b.X);
        float ih = MathF.Min(a.Bottom, b.Bottom) - MathF.Max(a.Y, b.Y);
        if (iw <= 0 || ih <= 0)
            return 0f;
        float inter = iw * ih;
        float union = a.Area + b.Area - inter;
        return union > 0 ? inter / union : 0f;
    }

    /// <summary>The box scaled by a factor about the origin (pixel → other resolution).</summary>
    public BoxF Scale(float factor) => new(X * factor, Y * factor, Width * factor, Height * factor);

    /// <summary>The box clipped to [0,width]×[0,height].</summary>
    public BoxF ClipTo(int width, int height)
    {
        float l = Math.Clamp(X, 0, width), t = Math.Clamp(Y, 0, height);
        float r = Math.Clamp(Right, 0, width), b = Math.Clamp(Bottom, 0, height);
        return FromCorners(l, t, MathF.Max(l, r), MathF.Max(t, b));
    }
}

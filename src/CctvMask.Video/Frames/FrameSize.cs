namespace CctvMask.Video.Frames;

/// <summary>Pixel size of the BGR24 frames a source delivers; one frame is <see cref="FrameBytes"/> bytes.</summary>
public readonly record struct FrameSize(int Width, int Height)
{
    /// <summary>Bytes per row of a packed BGR24 frame (no padding: exactly what ffmpeg's rawvideo pipe writes).</summary>
    public int Stride => Width * 3;

    /// <summary>Bytes of one packed BGR24 frame.</summary>
    public int FrameBytes => checked(Width * Height * 3);

    public override string ToString() => $"{Width}x{Height}";
}

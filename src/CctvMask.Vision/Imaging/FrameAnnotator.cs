using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using CctvMask.Vision.Detection;
using SkiaSharp;

namespace CctvMask.Vision.Imaging;

/// <summary>
/// Draws detections onto an image: boxes green (with_mask), red (without_mask), orange (mask_incorrect) or grey (unknown: not judged
/// with enough confidence yet), each with its label and probability on a filled tag above the box (or the
/// nearest free spot, so tags of neighbouring faces never cover each other); or, for evidence, one violator
/// thick in <see cref="ViolatorColor"/> and the rest thin and muted (<see cref="DrawEvidence"/>).
/// </summary>
public static class FrameAnnotator
{
    /// <summary>Colour of with_mask boxes.</summary>
    public static readonly SKColor WithMaskColor = new(0, 200, 0);

    /// <summary>Colour of without_mask boxes.</summary>
    public static readonly SKColor WithoutMaskColor = new(230, 0, 0);

    /// <summary>Colour of mask_incorrect boxes (the dashboard uses the same orange).</summary>
    public static readonly SKColor IncorrectColor = new(255, 140, 0);

    /// <summary>Colour of unknown boxes.</summary>
    public static readonly SKColor UnknownColor = new(160, 160, 160);

    // Line width and text size follow the image size so annotations stay legible on any resolution: at least
    // 2 px lines and 14 px text (a 640×360 live frame shown at half size still reads as ≥ 7 px, at full size 15 px).
    private const float LineWidthFraction = 1f / 180;
    private const float MinLineWidth = 2f;
    private const float TextSizeFraction = 1f / 24;
    private const float MinTextSize = 14f;
    private const float TagPadding = 3f;
    private const int TagPlacementTries = 6;

    /// <summary>Colour of zone outlines.</summary>
    public static readonly SKColor ZoneColor = new(255, 200, 0);

    /// <summary>
    /// Colour of the violator's box on evidence snapshots: a magenta no other box, zone or tag uses, so the
    /// one person the violation is about stands out among the other (thin, muted) boxes.
    /// </summary>
    public static readonly SKColor ViolatorColor = new(255, 0, 200);

    // Evidence: the violator's box is this many times the normal line width (at least ViolatorMinLine px);
    // other boxes are drawn 1 px in their colour at this alpha over the picture, without tags.
    private const float ViolatorLineFactor = 3f;
    private const float ViolatorMinLine = 3f;
    private const byte MutedAlpha = 110;

    /// <summary>
    /// Draws the faces onto <paramref name="image"/> in place, and the outlines of
    /// <paramref name="zones"/> (each an interleaved x, y list in normalised 0..1 coordinates) when given.
    /// </summary>
    public static void Draw(BgrImage image, ReadOnlySpan<DetectedFace> faces, IReadOnlyList<float[]>? zones = null) =>
        Draw(image, faces, zones, violator: -1);

    /// <summary>
    /// Draws an evidence snapshot in place: the face at index <paramref name="violator"/> thick in
    /// <see cref="ViolatorColor"/> with its tag, every other face thin and muted without a tag, zones as usual.
    /// Only draws: a privacy step (pixelating other faces) can run on the same image before it.
    /// </summary>
    public static void DrawEvidence(BgrImage image, ReadOnlySpan<DetectedFace> faces, int violator, IReadOnlyList<float[]>? zones = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(violator);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(violator, faces.Length);
        Draw(image, faces, zones, violator);
    }

    /// <summary>
    /// Draws like <see cref="Draw(BgrImage, ReadOnlySpan{DetectedFace}, IReadOnlyList{float[]}?)"/> (or, with a
    /// <paramref name="violator"/> index ≥ 0, -1 for none, like <see cref="DrawEvidence"/>) and returns the result as a JPEG, leaving
    /// <paramref name="image"/> as it was: the drawing and the encoder share one BGRA copy, so nothing is converted back.
    /// </summary>
    public static byte[] EncodeJpeg(BgrImage image, ReadOnlySpan<DetectedFace> faces, int violator, IReadOnlyList<float[]>? zones, int quality)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (violator >= 0) ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(violator, faces.Length);
        int length = image.Width * image.Height * 4;
        var bgra = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            PixelConversion.BgrToBgra(image.Pixels, bgra.AsSpan(0, length));
            DrawOnto(bgra, image.Width, image.Height, faces, zones, violator);
            return ImageCodec.EncodeBgraJpeg(bgra, image.Width, image.Height, quality);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bgra);
        }
    }

    private static void Draw(BgrImage image, ReadOnlySpan<DetectedFace> faces, IReadOnlyList<float[]>? zones, int violator)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (faces.IsEmpty && (zones is null || zones.Count == 0))
            return;
        int length = image.Width * image.Height * 4;
        var bgra = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            PixelConversion.BgrToBgra(image.Pixels, bgra.AsSpan(0, length));
            DrawOnto(bgra, image.Width, image.Height, faces, zones, violator);
            PixelConversion.BgraToBgr(bgra.AsSpan(0, length), image.Pixels);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bgra);
        }
    }

    // Skia draws on BGRA only; the caller converts in and (for in-place drawing) back out.
    private static void DrawOnto(byte[] bgra, int w, int h, ReadOnlySpan<DetectedFace> faces, IReadOnlyList<float[]>? zones, int violator)
    {
        if (faces.IsEmpty && (zones is null || zones.Count == 0))
            return;
        var handle = GCHandle.Alloc(bgra, GCHandleType.Pinned);
        try
        {
            var info = new SKImageInfo(w, h, SKColorType.Bgra8888, SKAlphaType.Opaque);
            using var surface = SKSurface.Create(info, handle.AddrOfPinnedObject(), w * 4)
                ?? throw new InvalidOperationException("SkiaSharp could not create a drawing surface.");
            if (zones is not null)
                DrawZones(surface.Canvas, zones, w, h);
            if (violator < 0) DrawFaces(surface.Canvas, faces, w, h);
            else DrawEvidenceFaces(surface.Canvas, faces, violator, w, h);
            surface.Canvas.Flush();
        }
        finally
        {
            handle.Free();
        }
    }

    private static void DrawZones(SKCanvas canvas, IReadOnlyList<float[]> zones, int w, int h)
    {
        using var paint = new SKPaint
        {
            Color = ZoneColor,
            Style = SKPaintStyle.Stroke,
            StrokeWidth = MathF.Max(MinLineWidth, Math.Min(w, h) * LineWidthFraction),
            IsAntialias = true,
            PathEffect = SKPathEffect.CreateDash([8f, 6f], 0),
        };
        foreach (var points in zones)
        {
            if (points.Length < 6)
                continue;
            using var path = new SKPath();
            path.MoveTo(points[0] * w, points[1] * h);
            for (int i = 2; i + 1 < points.Length; i += 2)
                path.LineTo(points[i] * w, points[i + 1] * h);
            path.Close();
            canvas.DrawPath(path, paint);
        }
    }

    /// <summary>The colour used for a label.</summary>
    public static SKColor ColorOf(FaceLabel label) => label switch
    {
        FaceLabel.WithMask => WithMaskColor,
        FaceLabel.WithoutMask => WithoutMaskColor,
        FaceLabel.Incorrect => IncorrectColor,
        _ => UnknownColor,
    };

    /// <summary>The tag text of a face, e.g. "with_mask 0.93".</summary>
    public static string LabelText(in DetectedFace face)
    {
        // The number is the probability of the label shown, so "without_mask 0.97" reads as confident
        // (with a three-class model 1 − p(with_mask) is "not masked properly"; mask_incorrect carries no number).
        float p = face.Label switch
        {
            FaceLabel.WithMask => face.MaskProbability,
            FaceLabel.WithoutMask => 1f - face.MaskProbability,
            _ => float.NaN,
        };
        return float.IsNaN(p)
            ? face.Label.ToName()
            : $"{face.Label.ToName()} {p.ToString("0.00", CultureInfo.InvariantCulture)}";
    }

    private static void DrawFaces(SKCanvas canvas, ReadOnlySpan<DetectedFace> faces, int w, int h)
    {
        float shorter = Math.Min(w, h);
        using var stroke = new SKPaint { Style = SKPaintStyle.Stroke, StrokeWidth = MathF.Max(MinLineWidth, shorter * LineWidthFraction), IsAntialias = false };
        using var fill = new SKPaint { Style = SKPaintStyle.Fill, IsAntialias = false };
        using var text = new SKPaint { IsAntialias = true };
        using var font = new SKFont(SKTypeface.Default, MathF.Max(MinTextSize, shorter * TextSizeFraction));
        var placed = new List<SKRect>(faces.Length);
        foreach (var face in faces)
        {
            var color = ColorOf(face.Label);
            stroke.Color = color;
            var box = face.Box;
            canvas.DrawRect(box.X, box.Y, box.Width, box.Height, stroke);
        }
        // Tags after every box, each where it overlaps no earlier tag, so none hides another's label.
        foreach (var face in faces)
        {
            var label = LabelText(face);
            var box = face.Box;
            var tag = PlaceTag(new SKRect(box.X, box.Y, box.Right, box.Bottom), font.MeasureText(label) + 2 * TagPadding,
                font.Size * 1.3f, w, h, placed);
            placed.Add(tag);
            fill.Color = ColorOf(face.Label);
            // Dark text on the light green and grey, white on the red: readable contrast on each.
            text.Color = face.Label == FaceLabel.WithoutMask ? SKColors.White : SKColors.Black;
            canvas.DrawRect(tag, fill);
            canvas.DrawText(label, tag.Left + TagPadding, tag.Top + font.Size, SKTextAlign.Left, font, text);
        }
    }

    /// <summary>
    /// Where a face's label tag goes: above the box, else below it, else further above or below, the first spot
    /// inside the image that overlaps none of the <paramref name="placed"/> tags (above the box when none is free).
    /// </summary>
    internal static SKRect PlaceTag(SKRect box, float width, float height, int imageWidth, int imageHeight, IReadOnlyList<SKRect> placed)
    {
        float left = Math.Clamp(box.Left, 0, Math.Max(0, imageWidth - width));
        SKRect At(float top) => new(left, top, left + width, top + height);
        var fallback = At(box.Top - height >= 0 ? box.Top - height : box.Bottom);
        for (int i = 0; i < TagPlacementTries; i++)
        {
            // 0: above, 1: below, 2: two rows above, 3: two rows below, …
            int row = i / 2;
            var candidate = At(i % 2 == 0 ? box.Top - height * (row + 1) : box.Bottom + height * row);
            if (candidate.Top < 0 || candidate.Bottom > imageHeight) continue;
            bool free = true;
            foreach (var other in placed)
            {
                if (other.IntersectsWith(candidate)) { free = false; break; }
            }
            if (free) return candidate;
        }
        return fallback;
    }

    private static void DrawEvidenceFaces(SKCanvas canvas, ReadOnlySpan<DetectedFace> faces, int violator, int w, int h)
    {
        float shorter = Math.Min(w, h);
        using (var muted = new SKPaint { Style = SKPaintStyle.Stroke, StrokeWidth = 1f, IsAntialias = false })
        {
            for (int i = 0; i < faces.Length; i++)
            {
                if (i == violator) continue;
                muted.Color = ColorOf(faces[i].Label).WithAlpha(MutedAlpha);
                var b = faces[i].Box;
                canvas.DrawRect(b.X, b.Y, b.Width, b.Height, muted);
            }
        }

        var face = faces[violator];
        float line = MathF.Max(ViolatorMinLine, shorter * LineWidthFraction * ViolatorLineFactor);
        using var stroke = new SKPaint { Style = SKPaintStyle.Stroke, StrokeWidth = line, Color = ViolatorColor, IsAntialias = false };
        using var fill = new SKPaint { Style = SKPaintStyle.Fill, Color = ViolatorColor, IsAntialias = false };
        using var text = new SKPaint { Color = SKColors.White, IsAntialias = true };
        using var font = new SKFont(SKTypeface.Default, MathF.Max(MinTextSize, shorter * TextSizeFraction));
        // The stroke goes around the box (outside), so a tiny face stays visible inside it.
        var box = face.Box;
        float half = line / 2;
        canvas.DrawRect(box.X - half, box.Y - half, box.Width + line, box.Height + line, stroke);
        var label = LabelText(face);
        float textWidth = font.MeasureText(label);
        float tagHeight = font.Size * 1.25f;
        float top = box.Y - line - tagHeight >= 0 ? box.Y - line - tagHeight : box.Bottom + line;
        canvas.DrawRect(box.X - line, top, textWidth + 4, tagHeight, fill);
        canvas.DrawText(label, box.X - line + 2, top + font.Size, SKTextAlign.Left, font, text);
    }
}

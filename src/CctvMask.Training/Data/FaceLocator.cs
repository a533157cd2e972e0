using CctvMask.Vision.Geometry;
using CctvMask.Vision.Imaging;

namespace CctvMask.Training.Data;

/// <summary>
/// Finds the one face of a class-folder image with the phase-1 detector, as inference would: the best
/// detection whose longer side is at least <see cref="MinRelativeFaceSize"/> of the image. Tight web crops
/// often leave the detector no context, so a miss is retried once on a grey-padded copy; a second miss
/// falls back to the whole image.
/// </summary>
public sealed class FaceLocator(IFaceFinder finder)
{
    /// <summary>Detections smaller than this fraction of the image's longer side are background faces.</summary>
    public const float MinRelativeFaceSize = 0.2f;

    /// <summary>Padding on each side for the retry, as a fraction of the image's longer side.</summary>
    public const float PadFraction = 0.3f;

    private const byte PadGrey = 114;

    public FaceLocation Locate(BgrFrame frame, float cropMargin)
    {
        if (LocateFace(frame) is { } found)
            return new FaceLocation(found.Face.Box, found.Padded ? CropSource.DetectedPadded : CropSource.Detected);

        // The crop of this box with the model's margin is exactly the (squared) image.
        int longSide = Math.Max(frame.Width, frame.Height);
        float side = longSide / (1 + 2 * cropMargin);
        return new FaceLocation(new BoxF((frame.Width - side) / 2, (frame.Height - side) / 2, side, side), CropSource.WholeImage);
    }

    /// <summary>The image's main face with landmarks (frame coordinates), or null when none is found even after padding.</summary>
    public (FoundFace Face, bool Padded)? LocateFace(BgrFrame frame)
    {
        int longSide = Math.Max(frame.Width, frame.Height);
        if (Best(finder.Find(frame), longSide, 0, frame) is { } face)
            return (face, false);

        int pad = (int)MathF.Round(longSide * PadFraction);
        using var padded = BgrImage.Create(frame.Width + 2 * pad, frame.Height + 2 * pad);
        padded.Pixels.Fill(PadGrey);
        for (int y = 0; y < frame.Height; y++)
            frame.Row(y).CopyTo(padded.Pixels.Slice((y + pad) * padded.Stride + pad * 3, frame.Width * 3));
        return Best(finder.Find(padded.AsFrame()), longSide, pad, frame) is { } paddedFace ? (paddedFace, true) : null;
    }

    private static FoundFace? Best(IReadOnlyList<FoundFace> faces, int longSide, int pad, BgrFrame original)
    {
        FoundFace? best = null;
        foreach (var f in faces)
        {
            var b = f.Box with { X = f.Box.X - pad, Y = f.Box.Y - pad };
            if (b.LongSide < MinRelativeFaceSize * longSide) continue;
            if (b.CenterX < 0 || b.CenterY < 0 || b.CenterX > original.Width || b.CenterY > original.Height) continue;
            if (best is null || f.Score > best.Value.Score)
            {
                var lm = f.Landmarks;
                for (int i = 0; i < Landmarks.Count; i++) lm[i] = new System.Drawing.PointF(lm[i].X - pad, lm[i].Y - pad);
                best = new FoundFace(b, f.Score, lm);
            }
        }
        return best;
    }
}

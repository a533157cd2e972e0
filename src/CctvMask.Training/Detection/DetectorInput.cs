using CctvMask.Vision.Imaging;

namespace CctvMask.Training.Detection;

/// <summary>
/// YuNet's input layout, as Vision feeds it: BGR planes of raw 0..255 floats, the image at the top-left,
/// zeros elsewhere, height and width multiples of 32.
/// </summary>
public static class DetectorInput
{
    /// <summary>The dynamic models need sides that are multiples of this (the coarsest stride).</summary>
    public const int Alignment = 32;

    /// <summary>A side rounded up to <see cref="Alignment"/>.</summary>
    public static int Align(int side) => (side + Alignment - 1) / Alignment * Alignment;

    /// <summary>Writes <paramref name="frame"/> into a [3, height, width] canvas (zero padding right and bottom).</summary>
    public static void ToChw(BgrFrame frame, int width, int height, Span<float> dest)
    {
        int plane = width * height;
        if (dest.Length < plane * 3) throw new ArgumentException($"Destination needs {plane * 3} floats.", nameof(dest));
        if (frame.Width > width || frame.Height > height) throw new ArgumentException("The frame is larger than the canvas.", nameof(frame));
        dest[..(plane * 3)].Clear();
        var b = dest[..plane];
        var g = dest.Slice(plane, plane);
        var r = dest.Slice(2 * plane, plane);
        for (int y = 0; y < frame.Height; y++)
        {
            var row = frame.Row(y);
            int o = y * width;
            for (int x = 0, s = 0; x < frame.Width; x++, s += 3)
            {
                b[o + x] = row[s];
                g[o + x] = row[s + 1];
                r[o + x] = row[s + 2];
            }
        }
    }
}

using CctvMask.Vision.Geometry;
using CctvMask.Vision.Imaging;

namespace CctvMask.Vision.Privacy;

/// <summary>
/// Irreversible face pixelation, in place, on a BGR24 image before it is encoded or stored: each face box,
/// grown by a margin (hair, ears, the detector's tight boxes), is cut into square cells and every cell takes
/// its mean colour. The original pixels are overwritten, so nothing downstream (JPEG, database, HTTP) can
/// bring them back. Pure and span-only: no allocation, no state.
/// <code>
/// FacePixelator.Pixelate(image, boxes);                                    // defaults: 6 cells across, 25 % margin
/// FacePixelator.Pixelate(pixels, width, height, stride, boxes, cellsAcross, margin);
/// </code>
/// </summary>
public static class FacePixelator
{
    /// <summary>Cells across a face's longer side: 6 leaves a face a patch of colours no detector or person recognises.</summary>
    public const int DefaultCellsAcross = 6;

    /// <summary>Fraction of the box's size added on every side.</summary>
    public const float DefaultMargin = 0.25f;

    /// <summary>Smallest cell side in pixels (a tiny face still loses all detail).</summary>
    public const int MinCellPixels = 2;

    /// <summary>Bytes per BGR pixel.</summary>
    private const int Channels = 3;

    /// <summary>Pixelates every box of <paramref name="boxes"/> in <paramref name="image"/>.</summary>
    public static void Pixelate(BgrImage image, ReadOnlySpan<BoxF> boxes, int cellsAcross = DefaultCellsAcross, float margin = DefaultMargin)
    {
        ArgumentNullException.ThrowIfNull(image);
        Pixelate(image.Pixels, image.Width, image.Height, image.Stride, boxes, cellsAcross, margin);
    }

    /// <summary>
    /// Pixelates every box (frame pixels, clipped to the image) of a BGR24 buffer whose rows are
    /// <paramref name="stride"/> bytes apart. Empty or off-image boxes are ignored.
    /// </summary>
    public static void Pixelate(Span<byte> pixels, int width, int height, int stride, ReadOnlySpan<BoxF> boxes,
        int cellsAcross = DefaultCellsAcross, float margin = DefaultMargin)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, width * Channels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cellsAcross);
        if (!(margin >= 0 && margin <= 1)) throw new ArgumentOutOfRangeException(nameof(margin), margin, "The margin is a fraction between 0 and 1.");
        if (pixels.Length < (long)stride * (height - 1) + (long)width * Channels)
            throw new ArgumentException("The buffer is smaller than the image.", nameof(pixels));

        foreach (var box in boxes)
        {
            if (Region(box, width, height, margin) is not { } r) continue;
            int cell = CellSide(r.Right - r.Left, r.Bottom - r.Top, cellsAcross);
            for (int top = r.Top; top < r.Bottom; top += cell)
            {
                int bottom = Math.Min(top + cell, r.Bottom);
                for (int left = r.Left; left < r.Right; left += cell)
                    FillWithMean(pixels, stride, left, top, Math.Min(left + cell, r.Right), bottom);
            }
        }
    }

    /// <summary>
    /// Pixelates the whole image in square cells of side (shorter image side ÷ <paramref name="cellsAcrossShortSide"/>),
    /// except the cells touching <paramref name="keep"/> grown by <paramref name="margin"/>: a face the detector missed
    /// is covered too. Used under the per-face pass for stored images, so no bystander stays identifiable.
    /// </summary>
    public static void PixelateBackground(BgrImage image, BoxF? keep, int cellsAcrossShortSide, float margin = DefaultMargin)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cellsAcrossShortSide);
        int width = image.Width, height = image.Height, stride = image.Stride;
        var pixels = image.Pixels;
        int cell = Math.Max(MinCellPixels, Math.Min(width, height) / cellsAcrossShortSide);
        var kept = keep is { } k ? Region(k, width, height, margin) : null;
        for (int top = 0; top < height; top += cell)
        {
            int bottom = Math.Min(top + cell, height);
            for (int left = 0; left < width; left += cell)
            {
                int right = Math.Min(left + cell, width);
                if (kept is { } r && left < r.Right && right > r.Left && top < r.Bottom && bottom > r.Top) continue;
                FillWithMean(pixels, stride, left, top, right, bottom);
            }
        }
    }

    /// <summary>Cell side for a region: its longer side over <paramref name="cellsAcross"/>, rounded up, at least <see cref="MinCellPixels"/>.</summary>
    public static int CellSide(int regionWidth, int regionHeight, int cellsAcross) =>
        Math.Max(MinCellPixels, (Math.Max(regionWidth, regionHeight) + cellsAcross - 1) / cellsAcross);

    /// <summary>The integer pixel region a box covers once grown by the margin and clipped; null when empty.</summary>
    public static PixelRegion? Region(BoxF box, int width, int height, float margin)
    {
        if (!(box.Width > 0 && box.Height > 0) || !float.IsFinite(box.X) || !float.IsFinite(box.Y)) return null;
        float growX = box.Width * margin, growY = box.Height * margin;
        int left = (int)Math.Clamp(MathF.Floor(box.X - growX), 0, width);
        int top = (int)Math.Clamp(MathF.Floor(box.Y - growY), 0, height);
        int right = (int)Math.Clamp(MathF.Ceiling(box.Right + growX), 0, width);
        int bottom = (int)Math.Clamp(MathF.Ceiling(box.Bottom + growY), 0, height);
        return right > left && bottom > top ? new PixelRegion(left, top, right, bottom) : null;
    }

    private static void FillWithMean(Span<byte> pixels, int stride, int left, int top, int right, int bottom)
    {
        long b = 0, g = 0, r = 0;
        int rowBytes = (right - left) * Channels;
        for (int y = top; y < bottom; y++)
        {
            var row = pixels.Slice(y * stride + left * Channels, rowBytes);
            for (int i = 0; i < row.Length; i += Channels)
            {
                b += row[i];
                g += row[i + 1];
                r += row[i + 2];
            }
        }
        long count = (long)(right - left) * (bottom - top);
        byte mb = (byte)((b + count / 2) / count), mg = (byte)((g + count / 2) / count), mr = (byte)((r + count / 2) / count);
        for (int y = top; y < bottom; y++)
        {
            var row = pixels.Slice(y * stride + left * Channels, rowBytes);
            for (int i = 0; i < row.Length; i += Channels)
            {
                row[i] = mb;
                row[i + 1] = mg;
                row[i + 2] = mr;
            }
        }
    }
}

using System.Buffers;
using SkiaSharp;

namespace CctvMask.Vision.Imaging;

/// <summary>
/// Decodes an untrusted image into at most <c>maxOutputPixels</c> pixels. Where the codec decodes
/// row by row (JPEG in this SkiaSharp build) the full-size image is never held: rows are
/// box-averaged by an integer factor on the fly, so memory is the output plus a few source rows.
/// Where it does not (PNG, WebP here: scanline decoding "Unimplemented"), the image is decoded in
/// full and then reduced, and <c>maxSourcePixels</c>, checked from the header before anything is
/// decoded (a 7000×7000 zero PNG is 143 KB), is what bounds memory: about 7 bytes per source pixel.
/// </summary>
public static class BoundedDecoder
{
    private const string Source = "image data";

    /// <summary>The decoded (maybe reduced) image and the factor that maps its pixels back to the original.</summary>
    public sealed record Result(BgrImage Image, int OriginalWidth, int OriginalHeight, int Factor);

    /// <exception cref="ImageDecodeException">Empty, truncated, not an image, larger than <paramref name="maxSourcePixels"/>.</exception>
    public static Result Decode(ReadOnlySpan<byte> encoded, long maxSourcePixels, long maxOutputPixels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxOutputPixels, 1);
        if (encoded.IsEmpty) throw new ImageDecodeException($"{Source}: empty file (0 bytes)");
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(new SKMemoryStream(data), out var created)
            ?? throw (created == SKCodecResult.IncompleteInput
                ? new ImageDecodeException($"{Source}: truncated image header ({data.Size} bytes)")
                : new ImageDecodeException($"{Source}: not an image or unsupported format ({data.Size} bytes)"));
        var (w, h) = (codec.Info.Width, codec.Info.Height);
        if (w <= 0 || h <= 0) throw new ImageDecodeException($"{Source}: not an image (header gives size {w}x{h})");
        var pixels = (long)w * h;
        if (pixels > maxSourcePixels)
            throw new ImageDecodeException($"{Source}: image too large ({w}x{h} = {pixels / 1e6:0.#} MP; limit {maxSourcePixels / 1e6:0.#} MP)");
        var factor = FactorFor(w, h, maxOutputPixels);
        if (factor == 1) return new Result(ImageCodec.Decode(encoded), w, h, 1);

        var info = new SKImageInfo(w, h, SKColorType.Bgra8888, SKAlphaType.Unpremul);
        if (codec.StartScanlineDecode(info) != SKCodecResult.Success)
        {
            // No scanline decoding for this format: the full decode is bounded by maxSourcePixels.
            using var full = ImageCodec.Decode(encoded);
            return new Result(Reduce(full, factor), w, h, factor);
        }
        var (ow, oh) = (w / factor, h / factor);
        var bgra = ArrayPool<byte>.Shared.Rent(checked(ow * oh * 4));
        var rows = ArrayPool<byte>.Shared.Rent(checked(w * 4 * factor));
        var sums = ArrayPool<int>.Shared.Rent(ow * 3);
        try
        {
            var bottomUp = codec.ScanlineOrder == SKCodecScanlineOrder.BottomUp;
            for (int band = 0; band < oh; band++)
            {
                unsafe
                {
                    fixed (byte* p = rows)
                    {
                        var got = codec.GetScanlines((IntPtr)p, factor, w * 4);
                        if (got < factor) rows.AsSpan(got * w * 4, (factor - got) * w * 4).Clear(); // truncated: black
                    }
                }
                var outRow = bottomUp ? oh - 1 - band : band;
                AverageBand(rows.AsSpan(0, w * 4 * factor), w, factor, sums.AsSpan(0, ow * 3), bgra.AsSpan(outRow * ow * 4, ow * 4));
            }
            var image = ImageOrientation.ToBgr(bgra.AsSpan(0, ow * oh * 4), ow, oh, codec.EncodedOrigin);
            return image.Width == ow ? new Result(image, w, h, factor) : new Result(image, h, w, factor); // EXIF rotated by 90°
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bgra);
            ArrayPool<byte>.Shared.Return(rows);
            ArrayPool<int>.Shared.Return(sums);
        }
    }

    /// <summary>Smallest integer factor f with (w/f)·(h/f) ≤ maxOutputPixels.</summary>
    internal static int FactorFor(int width, int height, long maxOutputPixels)
    {
        var f = 1;
        while ((long)(width / f) * (height / f) > maxOutputPixels) f++;
        return f;
    }

    /// <summary>Box-averages <paramref name="factor"/> BGRA rows into one BGRA output row (alpha 255).</summary>
    internal static void AverageBand(ReadOnlySpan<byte> rows, int width, int factor, Span<int> sums, Span<byte> output)
    {
        var ow = output.Length / 4;
        sums.Clear();
        for (int r = 0; r < factor; r++)
        {
            var row = rows.Slice(r * width * 4, width * 4);
            for (int ox = 0; ox < ow; ox++)
            {
                var s = ox * 3;
                for (int k = 0, x = ox * factor * 4; k < factor; k++, x += 4)
                {
                    sums[s] += row[x];
                    sums[s + 1] += row[x + 1];
                    sums[s + 2] += row[x + 2];
                }
            }
        }
        var n = factor * factor;
        for (int ox = 0; ox < ow; ox++)
        {
            output[ox * 4] = (byte)(sums[ox * 3] / n);
            output[ox * 4 + 1] = (byte)(sums[ox * 3 + 1] / n);
            output[ox * 4 + 2] = (byte)(sums[ox * 3 + 2] / n);
            output[ox * 4 + 3] = 255;
        }
    }

    private static BgrImage Reduce(BgrImage full, int factor)
    {
        var (ow, oh) = (full.Width / factor, full.Height / factor);
        var frame = full.AsFrame();
        var bgra = ArrayPool<byte>.Shared.Rent(checked(ow * oh * 4));
        var rows = ArrayPool<byte>.Shared.Rent(checked(full.Width * 4 * factor));
        var sums = ArrayPool<int>.Shared.Rent(ow * 3);
        try
        {
            for (int band = 0; band < oh; band++)
            {
                for (int r = 0; r < factor; r++)
                {
                    var src = frame.Row(band * factor + r);
                    var dst = rows.AsSpan(r * full.Width * 4, full.Width * 4);
                    for (int x = 0; x < full.Width; x++)
                    {
                        dst[x * 4] = src[x * 3];
                        dst[x * 4 + 1] = src[x * 3 + 1];
                        dst[x * 4 + 2] = src[x * 3 + 2];
                    }
                }
                AverageBand(rows.AsSpan(0, full.Width * 4 * factor), full.Width, factor, sums.AsSpan(0, ow * 3), bgra.AsSpan(band * ow * 4, ow * 4));
            }
            return ImageOrientation.ToBgr(bgra.AsSpan(0, ow * oh * 4), ow, oh, SKEncodedOrigin.TopLeft);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bgra);
            ArrayPool<byte>.Shared.Return(rows);
            ArrayPool<int>.Shared.Return(sums);
        }
    }
}

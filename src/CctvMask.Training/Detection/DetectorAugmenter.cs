using System.Collections.Concurrent;
using CctvMask.Training.Augmentation;
using CctvMask.Vision.Geometry;
using CctvMask.Vision.Imaging;

namespace CctvMask.Training.Detection;

/// <summary>
/// Builds one training canvas (square, BGR) and its face boxes from the photos: a tiny-face mosaic or one photo
/// scaled and cropped, then flip, colour, blur, JPEG and low-resolution steps. Deterministic per (seed, epoch,
/// index); thread-safe (decoded photos are cached, ~1 MB each, so a mosaic does not decode a dozen JPEGs).
/// </summary>
public sealed class DetectorAugmenter(IReadOnlyList<DetectorPhoto> photos, DetectorAugmentationOptions options, int canvasSize, int seed)
{
    private const int MaxMosaicGap = 8;
    private readonly ConcurrentDictionary<int, DecodedPhoto> _cache = new();

    // The ignore list of the sample being built on this thread (Build may run on several threads at once).
    private readonly ThreadLocal<List<BoxF>?> _ignored = new();

    public int CanvasSize => canvasSize;

    /// <summary>Floats per sample ([3, S, S]).</summary>
    public int SampleLength => 3 * canvasSize * canvasSize;

    /// <summary>
    /// Writes sample <paramref name="index"/> of <paramref name="epoch"/> into <paramref name="chw"/> and its faces into
    /// <paramref name="boxes"/>; faces that are on the canvas but too cut or too small to learn from go to
    /// <paramref name="ignored"/> (both cleared first), so the loss does not teach that they are background.
    /// </summary>
    public void Build(int index, int epoch, Span<float> chw, List<BoxF> boxes, List<BoxF>? ignored = null)
    {
        boxes.Clear();
        ignored?.Clear();
        _ignored.Value = ignored;
        int s = canvasSize;
        var canvas = new byte[s * s * 3];
        var rng = new Random(unchecked(seed * 7919 + epoch * 104_729 + index * 31 + 17));
        if (options.Disabled)
        {
            var photo = Photo(index);
            float fit = Math.Min(1f, (float)s / Math.Max(photo.Width, photo.Height));
            Paste(photo, photos[index].Faces, fit, 0, 0, canvas, boxes);
        }
        else
        {
            if (rng.NextDouble() >= options.ZeroBackgroundProbability)
                canvas.AsSpan().Fill((byte)rng.Next(options.MaxBackground + 1));
            if (rng.NextDouble() < options.TinyFaceProbability) Mosaic(index, rng, canvas, boxes);
            else Single(index, rng, canvas, boxes);
            Photometric(rng, canvas, boxes);
        }
        DetectorInput.ToChw(new BgrFrame(canvas, s, s), s, s, chw);
    }

    private void Single(int index, Random rng, byte[] canvas, List<BoxF> boxes)
    {
        int s = canvasSize;
        var photo = Photo(index);
        var faces = photos[index].Faces;
        float scale = (float)s / Math.Max(photo.Width, photo.Height) * LogUniform(rng, options.ScaleMin, options.ScaleMax);
        float largest = faces.Max(f => f.LongSide);
        if (largest > 0) scale = Math.Min(scale, (float)(options.MaxFaceFraction * s / largest));
        int sw = (int)MathF.Ceiling(photo.Width * scale), sh = (int)MathF.Ceiling(photo.Height * scale);
        // Larger than the canvas: crop around a random face, so the crop nearly always holds one.
        var anchor = faces[rng.Next(faces.Count)];
        int ox = Offset(rng, sw, anchor.CenterX * scale);
        int oy = Offset(rng, sh, anchor.CenterY * scale);
        Paste(photo, faces, scale, ox, oy, canvas, boxes);
    }

    private int Offset(Random rng, int scaledSide, float anchor)
    {
        int s = canvasSize;
        if (scaledSide <= s) return rng.Next(s - scaledSide + 1);
        float wanted = s * 0.5f - anchor + (float)(rng.NextDouble() - 0.5) * s * 0.6f;
        return (int)Math.Clamp(wanted, s - scaledSide, 0);
    }

    private void Mosaic(int index, Random rng, byte[] canvas, List<BoxF> boxes)
    {
        int s = canvasSize;
        int x = rng.Next(MaxMosaicGap), y = rng.Next(MaxMosaicGap), rowHeight = 0;
        for (int t = 0; t < options.MosaicMaxImages; t++)
        {
            int i = t == 0 ? index : rng.Next(photos.Count);
            var photo = Photo(i);
            var faces = photos[i].Faces;
            float median = Median(faces);
            float scale = (float)(LogUniform(rng, options.TinyFaceMin, options.TinyFaceMax) / Math.Max(1f, median));
            scale = Math.Min(scale, (float)s / Math.Max(photo.Width, photo.Height));
            int sw = Math.Max(1, (int)MathF.Ceiling(photo.Width * scale)), sh = Math.Max(1, (int)MathF.Ceiling(photo.Height * scale));
            if (x + sw > s)
            {
                x = rng.Next(MaxMosaicGap);
                y += rowHeight + rng.Next(MaxMosaicGap);
                rowHeight = 0;
            }
            if (y + sh > s && t > 0) break;
            Paste(photo, faces, scale, x, y, canvas, boxes);
            x += sw + rng.Next(MaxMosaicGap);
            rowHeight = Math.Max(rowHeight, sh);
        }
    }

    private void Photometric(Random rng, byte[] canvas, List<BoxF> boxes)
    {
        int s = canvasSize;
        if (rng.NextDouble() < options.FlipProbability)
        {
            DetectorImageOps.FlipHorizontal(canvas, s, s);
            for (int i = 0; i < boxes.Count; i++)
                boxes[i] = boxes[i] with { X = s - boxes[i].Right };
            if (_ignored.Value is { } ignored)
            {
                for (int i = 0; i < ignored.Count; i++)
                    ignored[i] = ignored[i] with { X = s - ignored[i].Right };
            }
        }
        if (rng.NextDouble() < options.ColorProbability)
        {
            ImageOps.ColorJitter(canvas, (float)((rng.NextDouble() * 2 - 1) * options.Brightness),
                (float)(1 + (rng.NextDouble() * 2 - 1) * options.Contrast), (float)(1 + (rng.NextDouble() * 2 - 1) * options.Saturation));
        }
        if (rng.NextDouble() < options.LowResolutionProbability)
        {
            int low = (int)(s * (options.LowResolutionMinFraction + rng.NextDouble() * (0.9 - options.LowResolutionMinFraction)));
            ImageOps.DownUp(canvas, s, Math.Max(1, low), new byte[s * s * 3]);
        }
        if (rng.NextDouble() < options.BlurProbability)
            ImageOps.Blur3(canvas, s, new byte[s * s * 3]);
        if (rng.NextDouble() < options.JpegProbability)
        {
            var jpeg = ImageCodec.EncodeJpeg(new BgrFrame(canvas, s, s), rng.Next(options.MinJpegQuality, options.MaxJpegQuality + 1));
            using var decoded = ImageCodec.Decode(jpeg);
            decoded.Pixels.CopyTo(canvas);
        }
    }

    // Draws a photo and adds its faces that stay visible enough on the canvas.
    private void Paste(DecodedPhoto photo, IReadOnlyList<BoxF> faces, float scale, int ox, int oy, byte[] canvas, List<BoxF> boxes)
    {
        int s = canvasSize;
        DetectorImageOps.PasteScaled(photo.Pixels, photo.Width, photo.Height, scale, ox, oy, canvas, s, s);
        foreach (var f in faces)
        {
            var box = new BoxF(f.X * scale + ox, f.Y * scale + oy, f.Width * scale, f.Height * scale);
            var clipped = box.ClipTo(s, s);
            if (box.Area <= 0 || clipped.Area <= 0) continue;
            if (clipped.Area < options.MinVisibleFraction * box.Area || clipped.ShortSide < options.MinBoxSide)
                _ignored.Value?.Add(clipped);
            else
                boxes.Add(clipped);
        }
    }

    private DecodedPhoto Photo(int index) => _cache.GetOrAdd(index, i =>
    {
        using var image = ImageCodec.DecodeFile(photos[i].ImagePath);
        return new DecodedPhoto(image.Pixels.ToArray(), image.Width, image.Height);
    });

    private static float Median(IReadOnlyList<BoxF> faces)
    {
        var sizes = faces.Select(f => MathF.Sqrt(f.Area)).Order().ToArray();
        return sizes.Length == 0 ? 1f : sizes[sizes.Length / 2];
    }

    private static float LogUniform(Random rng, double min, double max) =>
        (float)Math.Exp(Math.Log(min) + rng.NextDouble() * (Math.Log(max) - Math.Log(min)));

    private sealed record DecodedPhoto(byte[] Pixels, int Width, int Height);
}

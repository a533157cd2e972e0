using CctvMask.Vision.Imaging;

namespace CctvMask.Training.Augmentation;

/// <summary>
/// Turns a cached context crop into a randomly augmented size×size training crop: flip, rotation, scale,
/// shift (one affine warp from the context crop), low resolution (face shrunk to 12–40 px and back up),
/// blur, JPEG artefacts and colour jitter. All randomness comes from the caller's <see cref="Random"/>.
/// </summary>
public sealed class FaceAugmenter
{
    private readonly AugmentationOptions _options;
    private readonly float _cropMargin;

    public FaceAugmenter(AugmentationOptions options, float cropMargin)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _cropMargin = cropMargin;
    }

    /// <param name="context">contextSize² BGR crop covering ContextFactor × the inference crop, same centre.</param>
    public void Augment(ReadOnlySpan<byte> context, int contextSize, Span<byte> dest, int size, Random rng)
    {
        var o = _options;
        bool flip = rng.NextSingle() < o.FlipProbability;
        float angle = (rng.NextSingle() * 2 - 1) * o.MaxRotationDegrees * MathF.PI / 180f;
        float zoom = 1 + (rng.NextSingle() * 2 - 1) * o.MaxScaleChange;
        float tx = (rng.NextSingle() * 2 - 1) * o.MaxTranslation * size;
        float ty = (rng.NextSingle() * 2 - 1) * o.MaxTranslation * size;

        // Output pixel (u,v) relative to the output centre → context pixel: rotate, scale, shift.
        float k = contextSize / (o.ContextFactor * size) / zoom;
        float cos = MathF.Cos(angle) * k, sin = MathF.Sin(angle) * k;
        float fs = flip ? -1 : 1;
        float half = (size - 1) * 0.5f, chalf = (contextSize - 1) * 0.5f;
        float a = cos * fs, b = -sin, d = sin * fs, e = cos;
        float c = chalf - a * half - b * half + tx * k;
        float f = chalf - d * half - e * half + ty * k;
        ImageOps.WarpAffine(context, contextSize, dest, size, a, b, c, d, e, f);

        var scratch = new byte[size * size * 3];
        if (rng.NextSingle() < o.LowResolutionProbability)
        {
            int face = rng.Next(o.MinLowResolutionFace, o.MaxLowResolutionFace + 1);
            int low = Math.Clamp((int)MathF.Round(face * (1 + 2 * _cropMargin)), 4, size);
            if (low < size) ImageOps.DownUp(dest, size, low, scratch);
        }
        if (rng.NextSingle() < o.BlurProbability) ImageOps.Blur3(dest, size, scratch);
        if (rng.NextSingle() < o.JpegProbability) JpegRoundTrip(dest, size, rng.Next(o.MinJpegQuality, o.MaxJpegQuality + 1));
        if (rng.NextSingle() < o.ColorProbability)
        {
            float brightness = (rng.NextSingle() * 2 - 1) * o.MaxBrightness;
            float contrast = 1 + (rng.NextSingle() * 2 - 1) * o.MaxContrastChange;
            float saturation = rng.NextSingle() < o.GreyProbability ? 0 : 1 + (rng.NextSingle() * 2 - 1) * o.MaxSaturationChange;
            ImageOps.ColorJitter(dest, brightness, contrast, saturation);
        }
    }

    private static void JpegRoundTrip(Span<byte> image, int size, int quality)
    {
        var frame = new BgrFrame(image.ToArray(), size, size, size * 3);
        var jpeg = ImageCodec.EncodeJpeg(frame, quality);
        using var decoded = ImageCodec.Decode(jpeg);
        decoded.Pixels[..(size * size * 3)].CopyTo(image);
    }
}

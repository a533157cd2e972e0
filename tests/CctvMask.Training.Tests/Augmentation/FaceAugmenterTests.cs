using CctvMask.Training.Augmentation;

namespace CctvMask.Training.Tests.Augmentation;

public sealed class FaceAugmenterTests
{
    private static byte[] Gradient(int size)
    {
        var img = new byte[size * size * 3];
        for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++)
            {
                int o = (y * size + x) * 3;
                img[o] = (byte)(x * 255 / (size - 1));
                img[o + 1] = (byte)(y * 255 / (size - 1));
                img[o + 2] = (byte)((x + y) * 127 / (size - 1));
            }
        return img;
    }

    [Fact]
    public void SameSeedGivesSamePixelsAndOtherSeedsDiffer()
    {
        var aug = new FaceAugmenter(new AugmentationOptions(), 0.25f);
        var context = Gradient(108);
        byte[] Run(int seed)
        {
            var dest = new byte[64 * 64 * 3];
            aug.Augment(context, 108, dest, 64, new Random(seed));
            return dest;
        }
        Assert.Equal(Run(3), Run(3));
        Assert.NotEqual(Run(3), Run(4));
    }

    [Fact]
    public void IdentitySettingsCutTheCentreOfTheContextCrop()
    {
        var options = new AugmentationOptions
        {
            ContextFactor = 1.5f, FlipProbability = 0, MaxRotationDegrees = 0, MaxScaleChange = 0, MaxTranslation = 0,
            ColorProbability = 0, BlurProbability = 0, JpegProbability = 0, LowResolutionProbability = 0,
        };
        var context = Gradient(96);
        var dest = new byte[64 * 64 * 3];
        new FaceAugmenter(options, 0.25f).Augment(context, 96, dest, 64, new Random(1));
        // Output covers the central 1/1.5 of the context: its corners sample context pixels ~16 px in.
        Assert.InRange(dest[0], (byte)(16 * 255 / 95 - 4), (byte)(16 * 255 / 95 + 4));
        int last = (63 * 64 + 63) * 3;
        Assert.InRange(dest[last], (byte)(79 * 255 / 95 - 4), (byte)(79 * 255 / 95 + 4));
    }

    [Fact]
    public void LowResolutionAugmentationRemovesFineDetail()
    {
        var options = new AugmentationOptions
        {
            FlipProbability = 0, MaxRotationDegrees = 0, MaxScaleChange = 0, MaxTranslation = 0, ColorProbability = 0,
            BlurProbability = 0, JpegProbability = 0, LowResolutionProbability = 1, MinLowResolutionFace = 12, MaxLowResolutionFace = 12,
        };
        // A 1-pixel checkerboard: only survives if nothing low-passes it.
        var context = new byte[108 * 108 * 3];
        for (int i = 0; i < 108 * 108; i++) context[i * 3] = context[i * 3 + 1] = context[i * 3 + 2] = (byte)(((i % 108) + (i / 108)) % 2 * 255);
        var sharp = new byte[64 * 64 * 3];
        var low = new byte[64 * 64 * 3];
        new FaceAugmenter(options, 0.25f).Augment(context, 108, low, 64, new Random(1));
        new FaceAugmenter(new AugmentationOptions { ContextFactor = options.ContextFactor, FlipProbability = 0, MaxRotationDegrees = 0, MaxScaleChange = 0, MaxTranslation = 0, ColorProbability = 0, BlurProbability = 0, JpegProbability = 0, LowResolutionProbability = 0 }, 0.25f)
            .Augment(context, 108, sharp, 64, new Random(1));
        Assert.True(Variance(low) < Variance(sharp) * 0.2, $"variance {Variance(low):F0} vs {Variance(sharp):F0}");
    }

    private static double Variance(byte[] img)
    {
        double mean = img.Average(b => (double)b);
        return img.Average(b => (b - mean) * (b - mean));
    }
}

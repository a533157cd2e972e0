using CctvMask.Vision.FaceDetection;
using CctvMask.Vision.Imaging;

namespace CctvMask.Vision.Tests.FaceDetection;

public sealed class YuNetPreprocessingTests
{
    [Theory]
    [InlineData(37, 23, InputSizePolicy.Native, 0)]        // copy + padding
    [InlineData(37, 23, InputSizePolicy.Fixed640, 64)]     // upscale letterbox into a fixed 64×64 model
    [InlineData(100, 41, InputSizePolicy.LongSide, 0)]     // downscale (long side 40)
    [InlineData(30, 50, InputSizePolicy.LongSide, 0)]      // upscale (long side 40)
    public void MatchesNaiveBilinear(int w, int h, InputSizePolicy policy, int modelSide)
    {
        using var image = BgrImage.Create(w, h);
        new Random(w * h).NextBytes(image.Pixels);
        var g = InputGeometry.Plan(w, h, policy, 40, modelSide, modelSide);
        var fast = new float[3 * g.PlaneLength];
        fast.AsSpan().Fill(-1); // padding must be overwritten with zeros
        YuNetPreprocessing.ResizeToNchw(image.AsFrame(), g, fast);

        for (int c = 0; c < 3; c++)
        {
            for (int y = 0; y < g.InputHeight; y++)
            {
                for (int x = 0; x < g.InputWidth; x++)
                {
                    double expected = x < g.ResizedWidth && y < g.ResizedHeight ? Naive(image, g, x, y, c) : 0;
                    Assert.Equal(expected, fast[c * g.PlaneLength + y * g.InputWidth + x], 0.01);
                }
            }
        }
    }

    // OpenCV INTER_LINEAR definition: centre-aligned source coordinate, negatives clamped to 0.
    private static double Naive(BgrImage image, InputGeometry g, int x, int y, int c)
    {
        double fx = Math.Max(0, (x + 0.5) * image.Width / g.ResizedWidth - 0.5);
        double fy = Math.Max(0, (y + 0.5) * image.Height / g.ResizedHeight - 0.5);
        int x0 = Math.Min((int)fx, image.Width - 1), y0 = Math.Min((int)fy, image.Height - 1);
        int x1 = Math.Min(x0 + 1, image.Width - 1), y1 = Math.Min(y0 + 1, image.Height - 1);
        double ax = fx - x0, ay = fy - y0;
        if (x0 == image.Width - 1) ax = 0;
        if (y0 == image.Height - 1) ay = 0;
        double P(int px, int py) => image.Pixels[(py * image.Width + px) * 3 + c];
        return P(x0, y0) * (1 - ax) * (1 - ay) + P(x1, y0) * ax * (1 - ay) + P(x0, y1) * (1 - ax) * ay + P(x1, y1) * ax * ay;
    }
}

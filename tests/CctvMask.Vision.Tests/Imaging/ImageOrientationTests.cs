using CctvMask.Vision.Imaging;
using SkiaSharp;

namespace CctvMask.Vision.Tests.Imaging;

public sealed class ImageOrientationTests
{
    [Theory]
    [InlineData(SKEncodedOrigin.TopLeft, 3, 2)]
    [InlineData(SKEncodedOrigin.RightTop, 2, 3)]
    [InlineData(SKEncodedOrigin.BottomRight, 3, 2)]
    [InlineData(SKEncodedOrigin.LeftBottom, 2, 3)]
    public void AppliesExifOrientation(SKEncodedOrigin origin, int outW, int outH)
    {
        // Stored 3x2 image; pixel value = 10·y + x in every channel.
        const int w = 3, h = 2;
        var bgra = new byte[w * h * 4];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                bgra.AsSpan((y * w + x) * 4, 4).Fill((byte)(10 * y + x));
        using var image = ImageOrientation.ToBgr(bgra, w, h, origin);
        Assert.Equal((outW, outH), (image.Width, image.Height));

        // Expected by rotating the stored pixel grid the way a viewer would.
        int Stored(int x, int y) => 10 * y + x;
        int Expected(int x, int y) => origin switch
        {
            SKEncodedOrigin.RightTop => Stored(y, h - 1 - x),       // rotate 90° clockwise
            SKEncodedOrigin.BottomRight => Stored(w - 1 - x, h - 1 - y),
            SKEncodedOrigin.LeftBottom => Stored(w - 1 - y, x),     // rotate 90° counter-clockwise
            _ => Stored(x, y),
        };
        for (int y = 0; y < outH; y++)
            for (int x = 0; x < outW; x++)
                Assert.Equal(Expected(x, y), image.Pixels[(y * outW + x) * 3]);
    }
}

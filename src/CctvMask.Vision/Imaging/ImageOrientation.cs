using SkiaSharp;

namespace CctvMask.Vision.Imaging;

/// <summary>BGRA → BGR conversion that also applies the EXIF orientation (as OpenCV's imread does).</summary>
internal static class ImageOrientation
{
    public static BgrImage ToBgr(ReadOnlySpan<byte> bgra, int width, int height, SKEncodedOrigin origin)
    {
        bool swaps = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop
            or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        int outW = swaps ? height : width;
        int outH = swaps ? width : height;
        var image = BgrImage.Create(outW, outH);
        var dest = image.Pixels;
        if (origin is SKEncodedOrigin.TopLeft)
        {
            for (int i = 0, s = 0, d = 0; i < width * height; i++, s += 4, d += 3)
            {
                dest[d] = bgra[s];
                dest[d + 1] = bgra[s + 1];
                dest[d + 2] = bgra[s + 2];
            }
            return image;
        }
        for (int y = 0; y < outH; y++)
        {
            var row = dest.Slice(y * outW * 3, outW * 3);
            for (int x = 0; x < outW; x++)
            {
                var (sx, sy) = Source(origin, x, y, width, height);
                int s = (sy * width + sx) * 4;
                int d = x * 3;
                row[d] = bgra[s];
                row[d + 1] = bgra[s + 1];
                row[d + 2] = bgra[s + 2];
            }
        }
        return image;
    }

    // Maps a displayed pixel back to the stored pixel; W, H are the stored dimensions.
    private static (int X, int Y) Source(SKEncodedOrigin origin, int x, int y, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => (w - 1 - x, y),
        SKEncodedOrigin.BottomRight => (w - 1 - x, h - 1 - y),
        SKEncodedOrigin.BottomLeft => (x, h - 1 - y),
        SKEncodedOrigin.LeftTop => (y, x),
        SKEncodedOrigin.RightTop => (y, h - 1 - x),
        SKEncodedOrigin.RightBottom => (w - 1 - y, h - 1 - x),
        SKEncodedOrigin.LeftBottom => (w - 1 - y, x),
        _ => (x, y),
    };
}

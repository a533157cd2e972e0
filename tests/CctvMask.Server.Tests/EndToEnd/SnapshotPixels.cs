using CctvMask.Vision.Imaging;

namespace CctvMask.Server.Tests.EndToEnd;

/// <summary>Looks for the violator's highlight box (<see cref="FrameAnnotator.ViolatorColor"/>, magenta) the evidence snapshot draws around the face.</summary>
public static class SnapshotPixels
{
    /// <summary>Magenta pixels (R and B high, G low, after JPEG) within <paramref name="margin"/> px of the box outline.</summary>
    public static int ViolatorPixelsAroundBox(byte[] jpeg, int x, int y, int width, int height, int margin)
    {
        using var image = ImageCodec.Decode(jpeg);
        var pixels = image.Pixels;
        var count = 0;
        for (var row = Math.Max(0, y - margin); row < Math.Min(image.Height, y + height + margin); row++)
        {
            for (var col = Math.Max(0, x - margin); col < Math.Min(image.Width, x + width + margin); col++)
            {
                var nearEdge = Math.Abs(col - x) <= margin || Math.Abs(col - (x + width)) <= margin
                    || Math.Abs(row - y) <= margin || Math.Abs(row - (y + height)) <= margin;
                if (!nearEdge) continue;
                var i = row * image.Stride + col * 3;
                byte b = pixels[i], g = pixels[i + 1], r = pixels[i + 2];
                if (r > 170 && g < 90 && b > 120) count++;
            }
        }
        return count;
    }
}

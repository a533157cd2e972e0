using CctvMask.Vision.Imaging;

namespace CctvMask.Vision.Tests.Imaging;

public sealed class PixelConversionTests
{
    // Lengths around the vector step (4 pixels, 16 bytes read): tails of 0..3 pixels, shorter than one step, odd widths.
    public static TheoryData<int> PixelCounts => new() { 0, 1, 3, 4, 5, 6, 7, 8, 9, 16, 17, 31, 641, 640 * 3 };

    [Theory]
    [MemberData(nameof(PixelCounts))]
    public void BgrToBgra_matches_the_pixel_by_pixel_version(int pixels)
    {
        var bgr = RandomBytes(pixels * 3, pixels);
        var expected = new byte[pixels * 4];
        for (int p = 0; p < pixels; p++)
        {
            expected[p * 4] = bgr[p * 3];
            expected[p * 4 + 1] = bgr[p * 3 + 1];
            expected[p * 4 + 2] = bgr[p * 3 + 2];
            expected[p * 4 + 3] = 255;
        }
        // A guard byte after the destination must survive: the vector loop may not write past the pixels.
        var actual = new byte[pixels * 4 + 1];
        actual[^1] = 0x5A;
        PixelConversion.BgrToBgra(bgr, actual.AsSpan(0, pixels * 4));
        Assert.Equal(expected, actual[..^1]);
        Assert.Equal(0x5A, actual[^1]);
    }

    [Theory]
    [MemberData(nameof(PixelCounts))]
    public void BgraToBgr_matches_the_pixel_by_pixel_version(int pixels)
    {
        var bgra = RandomBytes(pixels * 4, pixels + 1000);
        var expected = new byte[pixels * 3];
        for (int p = 0; p < pixels; p++)
        {
            expected[p * 3] = bgra[p * 4];
            expected[p * 3 + 1] = bgra[p * 4 + 1];
            expected[p * 3 + 2] = bgra[p * 4 + 2];
        }
        var actual = new byte[pixels * 3 + 1];
        actual[^1] = 0xA5;
        PixelConversion.BgraToBgr(bgra, actual.AsSpan(0, pixels * 3));
        Assert.Equal(expected, actual[..^1]);
        Assert.Equal(0xA5, actual[^1]);
    }

    [Fact]
    public void A_destination_too_small_is_refused()
    {
        Assert.Throws<ArgumentException>(() => PixelConversion.BgrToBgra(new byte[12], new byte[15]));
        Assert.Throws<ArgumentException>(() => PixelConversion.BgraToBgr(new byte[16], new byte[11]));
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}

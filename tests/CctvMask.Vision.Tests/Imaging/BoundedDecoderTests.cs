using CctvMask.Vision.Imaging;

namespace CctvMask.Vision.Tests.Imaging;

public sealed class BoundedDecoderTests
{
    [Fact]
    public void A_large_image_is_reduced_while_decoding_and_matches_a_naive_box_average()
    {
        // 64x48 RGB with a pattern whose 4x4 block averages are known exactly.
        var png = TestImages.Png(64, 48, 2, 8, (x, y, c) => c switch { 0 => x * 3, 1 => y * 5, _ => (x + y) % 7 * 30 });
        var result = BoundedDecoder.Decode(png, maxSourcePixels: 10_000, maxOutputPixels: 200);

        Assert.Equal(4, result.Factor); // 16x12 = 192 <= 200 < 21x16 (factor 3)
        Assert.Equal((64, 48), (result.OriginalWidth, result.OriginalHeight));
        using var image = result.Image;
        Assert.Equal((16, 12), (image.Width, image.Height));
        var frame = image.AsFrame();
        for (int oy = 0; oy < 12; oy++)
        {
            var row = frame.Row(oy);
            for (int ox = 0; ox < 16; ox++)
            {
                int r = 0, g = 0, b = 0;
                for (int y = oy * 4; y < oy * 4 + 4; y++)
                    for (int x = ox * 4; x < ox * 4 + 4; x++)
                    {
                        r += x * 3;
                        g += y * 5;
                        b += (x + y) % 7 * 30;
                    }
                Assert.Equal((b / 16, g / 16, r / 16), (row[ox * 3], row[ox * 3 + 1], row[ox * 3 + 2]));
            }
        }
    }

    [Fact]
    public void An_image_within_the_bound_is_decoded_at_full_size()
    {
        var png = TestImages.Png(40, 30, 2, 8, (x, y, c) => x + y + c);
        var result = BoundedDecoder.Decode(png, maxSourcePixels: 10_000, maxOutputPixels: 1_200);
        using var image = result.Image;
        Assert.Equal((1, 40, 30), (result.Factor, image.Width, image.Height));
    }

    [Fact]
    public void A_header_over_the_source_bound_is_refused_before_decoding()
    {
        var header = TestImages.PngHeaderOnly(7000, 7000);
        var ex = Assert.Throws<ImageDecodeException>(() => BoundedDecoder.Decode(header, maxSourcePixels: 24_000_000, maxOutputPixels: 2_100_000));
        Assert.Contains("too large", ex.Message);
    }

    [Fact]
    public void A_large_jpeg_costs_about_the_output_not_the_source()
    {
        // 4800x4800 JPEG (23 MP, small compressed): a full decode would need ~92 MB of BGRA plus ~69 MB of BGR.
        using var plain = BgrImage.Create(4800, 4800);
        var bomb = ImageCodec.EncodeJpeg(plain.AsFrame(), 50);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = BoundedDecoder.Decode(bomb, maxSourcePixels: 24_000_000, maxOutputPixels: 2_100_000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        using var image = result.Image;

        Assert.Equal(4, result.Factor);
        Assert.Equal((1200, 1200), (image.Width, image.Height));
        Assert.True(allocated < 30_000_000, $"allocated {allocated:N0} bytes");
    }
}

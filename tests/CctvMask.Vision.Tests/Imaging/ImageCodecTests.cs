using CctvMask.Vision.Imaging;

namespace CctvMask.Vision.Tests.Imaging;

public sealed class ImageCodecTests
{
    [Fact]
    public void DecodesDevSetJpegAtAnnotatedSize()
    {
        var (width, height, _) = DevSet.Annotation("maksssksksss1");
        using var image = ImageCodec.DecodeFile(DevSet.Image("maksssksksss1"));
        Assert.Equal(width, image.Width);
        Assert.Equal(height, image.Height);
        Assert.Equal(width * 3, image.Stride);
        // A real photo is not a flat colour.
        var px = image.Pixels.ToArray();
        Assert.Contains(px, b => b != px[0]);
    }

    [Fact]
    public void Decodes16BitRgbaPngDroppingAlpha()
    {
        // v·257 maps exactly to v in 8 bits whether the decoder truncates or rounds.
        var png = TestImages.Png(5, 4, colorType: 6, bitDepth: 16, (x, y, c) => c switch
        {
            0 => (10 * x) * 257,
            1 => (20 * y) * 257,
            2 => (x + y + 100) * 257,
            _ => x == 0 ? 0 : 65535, // fully transparent pixels keep their colour
        });
        using var image = ImageCodec.Decode(png);
        Assert.Equal((5, 4), (image.Width, image.Height));
        for (int y = 0; y < 4; y++)
        {
            for (int x = 0; x < 5; x++)
            {
                int i = (y * 5 + x) * 3;
                Assert.Equal(x + y + 100, image.Pixels[i]);     // B
                Assert.Equal(20 * y, image.Pixels[i + 1]);      // G
                Assert.Equal(10 * x, image.Pixels[i + 2]);      // R
            }
        }
    }

    [Theory]
    [InlineData(8)]
    [InlineData(16)]
    public void DecodesGreyPngToEqualChannels(int bitDepth)
    {
        int scale = bitDepth == 16 ? 257 : 1;
        var png = TestImages.Png(7, 3, colorType: 0, bitDepth, (x, y, _) => (x * 30 + y) * scale);
        using var image = ImageCodec.Decode(png);
        for (int y = 0; y < 3; y++)
        {
            for (int x = 0; x < 7; x++)
            {
                int i = (y * 7 + x) * 3;
                Assert.Equal(x * 30 + y, image.Pixels[i]);
                Assert.Equal(image.Pixels[i], image.Pixels[i + 1]);
                Assert.Equal(image.Pixels[i], image.Pixels[i + 2]);
            }
        }
    }

    [Fact]
    public void DecodesPalettePng()
    {
        (byte, byte, byte)[] palette = [(255, 0, 0), (0, 128, 0), (10, 20, 30)];
        var png = TestImages.PalettePng(6, 2, palette, (x, y) => (x + y) % 3);
        using var image = ImageCodec.Decode(png);
        for (int y = 0; y < 2; y++)
        {
            for (int x = 0; x < 6; x++)
            {
                var (r, g, b) = palette[(x + y) % 3];
                Assert.Equal([b, g, r], image.Pixels.Slice((y * 6 + x) * 3, 3).ToArray());
            }
        }
    }

    [Fact]
    public void DecodesLosslessWebP()
    {
        var bgra = new byte[8 * 4 * 4];
        for (int i = 0; i < 32; i++)
        {
            bgra[i * 4] = (byte)(i * 7);
            bgra[i * 4 + 1] = (byte)(255 - i * 3);
            bgra[i * 4 + 2] = (byte)(i * 5);
            bgra[i * 4 + 3] = 255;
        }
        var info = new SkiaSharp.SKImageInfo(8, 4, SkiaSharp.SKColorType.Bgra8888, SkiaSharp.SKAlphaType.Opaque);
        var handle = System.Runtime.InteropServices.GCHandle.Alloc(bgra, System.Runtime.InteropServices.GCHandleType.Pinned);
        byte[] webp;
        try
        {
            using var pixmap = new SkiaSharp.SKPixmap(info, handle.AddrOfPinnedObject(), 32);
            using var data = pixmap.Encode(new SkiaSharp.SKWebpEncoderOptions(SkiaSharp.SKWebpEncoderCompression.Lossless, 100))!;
            webp = data.ToArray();
        }
        finally
        {
            handle.Free();
        }
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(webp, 0, 4));
        using var image = ImageCodec.Decode(webp);
        for (int i = 0; i < 32; i++)
            Assert.Equal([bgra[i * 4], bgra[i * 4 + 1], bgra[i * 4 + 2]], image.Pixels.Slice(i * 3, 3).ToArray());
    }

    [Fact]
    public void DecodesBmp()
    {
        var bmp = TestImages.Bmp24(3, 2, (x, y) => ((byte)(x * 50), (byte)(y * 90), 7));
        using var image = ImageCodec.Decode(bmp);
        Assert.Equal((3, 2), (image.Width, image.Height));
        int i = (1 * 3 + 2) * 3;
        Assert.Equal([100, 90, 7], image.Pixels.Slice(i, 3).ToArray());
    }

    [Fact]
    public void PngRoundTripIsLosslessAndJpegIsClose()
    {
        using var source = BgrImage.Create(32, 24);
        for (int i = 0; i < source.Pixels.Length; i++)
            source.Pixels[i] = (byte)((i / 3 % 32) * 8);
        using (var png = ImageCodec.Decode(ImageCodec.EncodePng(source.AsFrame())))
            Assert.True(png.Pixels.SequenceEqual(source.Pixels));
        using var jpeg = ImageCodec.Decode(ImageCodec.EncodeJpeg(source.AsFrame(), 95));
        double err = 0;
        for (int i = 0; i < source.Pixels.Length; i++)
            err += Math.Abs(jpeg.Pixels[i] - source.Pixels[i]);
        Assert.True(err / source.Pixels.Length < 6, $"mean abs error {err / source.Pixels.Length}");
    }

    [Fact]
    public void EmptyInputIsRefused()
    {
        var ex = Assert.Throws<ImageDecodeException>(() => ImageCodec.Decode([]));
        Assert.Contains("empty", ex.Message);
    }

    [Fact]
    public void EmptyFileIsRefusedNamingTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cctvmask-empty-{Guid.NewGuid():N}.jpg");
        File.WriteAllBytes(path, []);
        try
        {
            var ex = Assert.Throws<ImageDecodeException>(() => ImageCodec.DecodeFile(path));
            Assert.Contains(path, ex.Message);
            Assert.Contains("empty", ex.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void MissingFileIsRefused()
    {
        var ex = Assert.Throws<ImageDecodeException>(() => ImageCodec.DecodeFile("/nonexistent/cctvmask.jpg"));
        Assert.Contains("/nonexistent/cctvmask.jpg", ex.Message);
    }

    [Fact]
    public void TruncatedJpegIsRefused()
    {
        var bytes = File.ReadAllBytes(DevSet.Image("maksssksksss1"));
        var ex = Assert.Throws<ImageDecodeException>(() => ImageCodec.Decode(bytes.AsSpan(0, bytes.Length / 2)));
        Assert.Contains("truncated", ex.Message);
    }

    [Fact]
    public void TruncatedPngIsRefused()
    {
        var png = TestImages.Png(64, 64, 2, 8, (x, y, c) => (x * 7 + y * 3 + c * 11) & 0xFF);
        var ex = Assert.Throws<ImageDecodeException>(() => ImageCodec.Decode(png.AsSpan(0, png.Length - 40)));
        Assert.Contains("truncated", ex.Message);
    }

    [Fact]
    public void RandomBytesAreNotAnImage()
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        var ex = Assert.Throws<ImageDecodeException>(() => ImageCodec.Decode(bytes));
        Assert.Contains("not an image", ex.Message);
    }

    [Fact]
    public void HugeHeaderIsRefusedBeforeDecoding()
    {
        // A few hundred bytes holding one row: the refusal must come from the header, not from decoding.
        var png = TestImages.PngHeaderOnly(10000, 10000);
        Assert.True(png.Length < 1000);
        var ex = Assert.Throws<ImageDecodeException>(() => ImageCodec.Decode(png));
        Assert.Contains("too large", ex.Message);
        Assert.Contains("10000x10000", ex.Message);
        Assert.Equal((10000, 10000), ImageCodec.ReadSize(png));
    }
}

using CctvMask.Testing;
using CctvMask.Vision.FaceDetection;
using CctvMask.Vision.Geometry;
using CctvMask.Vision.Imaging;
using CctvMask.Vision.Privacy;
using CctvMask.Vision.Tests.Imaging;
using Xunit.Abstractions;

namespace CctvMask.Vision.Tests.Privacy;

public sealed class FacePixelatorTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(97, 61, 97 * 3, 6, 0.25f)]
    [InlineData(97, 61, 97 * 3 + 5, 4, 0.1f)]
    [InlineData(40, 40, 120, 1, 0f)]
    public void Matches_a_naive_cell_mean_on_padded_rows_and_overlapping_boxes(int width, int height, int stride, int cells, float margin)
    {
        var random = new Random(width * 31 + cells);
        var pixels = new byte[stride * height];
        random.NextBytes(pixels);
        BoxF[] boxes = [new(10.4f, 7.2f, 23.5f, 30.1f), new(25f, 20f, 40f, 35f), new(-5f, -5f, 12f, 12f), new(90f, 50f, 30f, 30f), new(5, 5, 0, 9)];
        var expected = (byte[])pixels.Clone();
        foreach (var box in boxes) NaivePixelate(expected, width, height, stride, box, cells, margin);

        FacePixelator.Pixelate(pixels, width, height, stride, boxes, cells, margin);

        Assert.Equal(expected, pixels);
    }

    [Fact]
    public void Pixels_outside_the_grown_boxes_are_untouched_and_each_cell_is_flat()
    {
        const int w = 120, h = 80;
        var pixels = new byte[w * h * 3];
        new Random(7).NextBytes(pixels);
        var original = (byte[])pixels.Clone();
        var box = new BoxF(40, 20, 24, 24);

        FacePixelator.Pixelate(pixels, w, h, w * 3, [box]);

        var region = FacePixelator.Region(box, w, h, FacePixelator.DefaultMargin)!.Value;
        Assert.Equal(new PixelRegion(34, 14, 70, 50), region);
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                bool inside = x >= region.Left && x < region.Right && y >= region.Top && y < region.Bottom;
                if (!inside) Assert.Equal(original[(y * w + x) * 3], pixels[(y * w + x) * 3]);
            }
        Assert.True(Variance(pixels, w, region) < Variance(original, w, region) / 10);
    }

    [Fact]
    public void The_background_pass_flattens_every_cell_but_those_touching_the_kept_face()
    {
        const int w = 120, h = 80;
        var original = new byte[w * h * 3];
        new Random(11).NextBytes(original);
        using var image = BgrImage.CopyFrom(new BgrFrame(original, w, h));
        var keep = new BoxF(40, 20, 24, 24);

        FacePixelator.PixelateBackground(image, keep, cellsAcrossShortSide: 10);   // 8 px cells

        var kept = FacePixelator.Region(keep, w, h, FacePixelator.DefaultMargin)!.Value;
        var pixels = image.Pixels;
        for (int top = 0; top < h; top += 8)
            for (int left = 0; left < w; left += 8)
            {
                bool touches = left < kept.Right && left + 8 > kept.Left && top < kept.Bottom && top + 8 > kept.Top;
                var cell = new PixelRegion(left, top, left + 8, top + 8);
                if (touches) Assert.Equal(Variance(original, w, cell), Variance(pixels.ToArray(), w, cell));
                else Assert.True(Variance(pixels.ToArray(), w, cell) < 1e-6, $"cell at {left},{top} is not flat");
            }
        Assert.Throws<ArgumentOutOfRangeException>(() => FacePixelator.PixelateBackground(image, null, 0));
    }

    [Fact]
    public void Refuses_a_buffer_smaller_than_the_image_and_bad_settings()
    {
        Assert.Throws<ArgumentException>(() => FacePixelator.Pixelate(new byte[10], 4, 4, 12, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => FacePixelator.Pixelate(new byte[48], 4, 4, 12, [], cellsAcross: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => FacePixelator.Pixelate(new byte[48], 4, 4, 12, [], margin: float.NaN));
    }

    [Fact]
    public void The_real_detector_no_longer_finds_pixelated_faces_on_a_dev_photo()
    {
        using var detector = new YuNetFaceDetector(new FaceDetectorOptions
        {
            ModelPath = TestEnvironment.Model("yunet_n_dynamic.onnx"),
            InputSizePolicy = InputSizePolicy.AtLeastLongSide,
        });
        var results = new RawFace[256];
        using var image = ImageCodec.DecodeFile(DevSet.Image("maksssksksss373"));
        int before = detector.Detect(image.AsFrame(), results);
        Assert.True(before >= 2, $"the fixture should show several faces, found {before}");
        var found = results.AsSpan(0, before).ToArray().Select(f => f.Box).ToArray();
        // Keep the first face, pixelate the others (what an evidence snapshot does).
        FacePixelator.Pixelate(image, found.AsSpan(1));

        // Through JPEG, as stored.
        using var stored = ImageCodec.Decode(ImageCodec.EncodeJpeg(image.AsFrame(), 85));
        int after = detector.Detect(stored.AsFrame(), results);
        var still = results.AsSpan(0, after).ToArray().Select(f => f.Box).ToArray();
        output.WriteLine($"faces before {before}, after {after}");
        Assert.Contains(still, b => BoxF.IoU(b, found[0]) > 0.5f);
        for (int i = 1; i < found.Length; i++)
            Assert.DoesNotContain(still, b => BoxF.IoU(b, found[i]) > 0.3f);
    }

    private static double Variance(byte[] pixels, int width, PixelRegion r)
    {
        double sum = 0, sq = 0;
        int n = 0;
        for (int y = r.Top; y < r.Bottom; y++)
            for (int x = r.Left; x < r.Right; x++)
            {
                double v = pixels[(y * width + x) * 3 + 1];
                sum += v;
                sq += v * v;
                n++;
            }
        double mean = sum / n;
        return sq / n - mean * mean;
    }

    // Per pixel: which cell is it in, what is that cell's mean (recomputed from a copy each time).
    private static void NaivePixelate(byte[] pixels, int width, int height, int stride, BoxF box, int cells, float margin)
    {
        if (FacePixelator.Region(box, width, height, margin) is not { } r) return;
        int cell = Math.Max(FacePixelator.MinCellPixels, (int)Math.Ceiling(Math.Max(r.Right - r.Left, r.Bottom - r.Top) / (double)cells));
        var source = (byte[])pixels.Clone();
        for (int y = r.Top; y < r.Bottom; y++)
            for (int x = r.Left; x < r.Right; x++)
            {
                int cx = r.Left + (x - r.Left) / cell * cell, cy = r.Top + (y - r.Top) / cell * cell;
                int ex = Math.Min(cx + cell, r.Right), ey = Math.Min(cy + cell, r.Bottom);
                for (int c = 0; c < 3; c++)
                {
                    long sum = 0, n = 0;
                    for (int yy = cy; yy < ey; yy++)
                        for (int xx = cx; xx < ex; xx++)
                        {
                            sum += source[yy * stride + xx * 3 + c];
                            n++;
                        }
                    pixels[y * stride + x * 3 + c] = (byte)Math.Round(sum / (double)n, MidpointRounding.AwayFromZero);
                }
            }
    }
}

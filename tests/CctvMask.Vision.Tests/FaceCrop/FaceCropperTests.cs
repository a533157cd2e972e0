using CctvMask.Vision.FaceCrop;
using CctvMask.Vision.Geometry;
using CctvMask.Vision.Imaging;
using CctvMask.Vision.MaskClassification;

namespace CctvMask.Vision.Tests.FaceCrop;

public sealed class FaceCropperTests
{
    private static BgrImage Pattern(int w, int h)
    {
        var image = BgrImage.Create(w, h);
        var rng = new Random(7);
        rng.NextBytes(image.Pixels);
        return image;
    }

    [Fact]
    public void UnscaledAlignedCropCopiesPixelsExactly()
    {
        using var image = Pattern(80, 60);
        var dest = new byte[32 * 32 * 3];
        FaceCropper.CropSquare(image.AsFrame(), new BoxF(10, 20, 32, 32), margin: 0, size: 32, dest);
        for (int y = 0; y < 32; y++)
            Assert.True(dest.AsSpan(y * 96, 96).SequenceEqual(image.Pixels.Slice(((20 + y) * 80 + 10) * 3, 96)), $"row {y}");
    }

    [Theory]
    [InlineData(30.3f, 12.7f, 9.5f, 14.2f, 0.25f, 64)]    // upscaling a tiny face
    [InlineData(5f, 8f, 70f, 40f, 0.25f, 32)]             // shrinking (supersampled)
    [InlineData(-20f, -10f, 40f, 50f, 0.5f, 48)]          // mostly outside the frame
    [InlineData(60f, 40f, 300f, 280f, 0.1f, 16)]          // shrinking more than the supersampling cap
    public void CropMatchesNaiveReference(float x, float y, float w, float h, float margin, int size)
    {
        using var image = Pattern(90, 70);
        var box = new BoxF(x, y, w, h);
        var fast = new byte[size * size * 3];
        FaceCropper.CropSquare(image.AsFrame(), box, margin, size, fast);
        var naive = NaiveCrop(image, box, margin, size);
        for (int i = 0; i < fast.Length; i++)
            Assert.True(Math.Abs(fast[i] - naive[i]) <= 1, $"byte {i}: {fast[i]} vs {naive[i]}");
    }

    [Fact]
    public void PixelsOutsideTheFrameReplicateTheEdge()
    {
        using var image = BgrImage.Create(20, 20);
        for (int y = 0; y < 20; y++)
            for (int x = 0; x < 20; x++)
                image.Pixels.Slice((y * 20 + x) * 3, 3).Fill((byte)(x * 10 + 5));
        var dest = new byte[10 * 10 * 3];
        // Square from x = -10 to 10: the left half lies outside and must repeat column 0.
        FaceCropper.CropSquare(image.AsFrame(), new BoxF(-10, 0, 20, 20), 0, 10, dest);
        Assert.Equal(5, dest[0]);
        Assert.Equal(5, dest[(5 * 10 + 2) * 3]);
        Assert.True(dest[(5 * 10 + 9) * 3] > 5);
    }

    [Theory]
    [InlineData(ChannelOrder.Rgb)]
    [InlineData(ChannelOrder.Bgr)]
    public void ToTensorNormalisesInChannelOrder(ChannelOrder order)
    {
        var meta = new MaskClassifierMetadata(["with_mask", "without_mask"], 8, order, [0.1f, 0.2f, 0.3f], [0.5f, 0.25f, 0.2f], 0.25f);
        var crop = new byte[8 * 8 * 3];
        new Random(3).NextBytes(crop);
        var tensor = new float[3 * 64];
        FaceCropper.ToTensor(crop, 8, meta, tensor);
        for (int i = 0; i < 64; i++)
        {
            for (int c = 0; c < 3; c++)
            {
                byte raw = crop[i * 3 + (order == ChannelOrder.Rgb ? 2 - c : c)];
                float expected = (raw / 255f - meta.Mean[c]) / meta.Std[c];
                Assert.Equal(expected, tensor[c * 64 + i], 4);
            }
        }
    }

    // Straightforward definition: k×k bilinear samples per output pixel, clamped coordinates, doubles.
    private static byte[] NaiveCrop(BgrImage image, BoxF box, float margin, int size)
    {
        double side = Math.Max(1, Math.Max(box.Width, box.Height) * (1 + 2 * margin));
        double left = box.X + box.Width / 2.0 - side / 2, top = box.Y + box.Height / 2.0 - side / 2;
        double scale = side / size;
        int k = Math.Clamp((int)Math.Ceiling(scale - 1e-3), 1, FaceCropper.MaxSupersampling);
        var result = new byte[size * size * 3];
        double Px(int x, int y, int c) =>
            image.Pixels[(Math.Clamp(y, 0, image.Height - 1) * image.Width + Math.Clamp(x, 0, image.Width - 1)) * 3 + c];
        for (int oy = 0; oy < size; oy++)
        for (int ox = 0; ox < size; ox++)
        for (int c = 0; c < 3; c++)
        {
            double sum = 0;
            for (int sy = 0; sy < k; sy++)
            for (int sx = 0; sx < k; sx++)
            {
                double fx = left + (ox + (sx + 0.5) / k) * scale - 0.5;
                double fy = top + (oy + (sy + 0.5) / k) * scale - 0.5;
                int x0 = (int)Math.Floor(fx), y0 = (int)Math.Floor(fy);
                double ax = fx - x0, ay = fy - y0;
                sum += Px(x0, y0, c) * (1 - ax) * (1 - ay) + Px(x0 + 1, y0, c) * ax * (1 - ay)
                     + Px(x0, y0 + 1, c) * (1 - ax) * ay + Px(x0 + 1, y0 + 1, c) * ax * ay;
            }
            result[(oy * size + ox) * 3 + c] = (byte)Math.Clamp((int)Math.Round(sum / (k * k)), 0, 255);
        }
        return result;
    }
}

using CctvMask.Training.Detection;
using CctvMask.Vision.Evaluation;
using CctvMask.Vision.Geometry;
using CctvMask.Vision.Imaging;

namespace CctvMask.Training.Tests.Detection;

public sealed class DetectorAugmenterTests : IDisposable
{
    private const int Canvas = 256;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "cctvmask-augmenter-" + Guid.NewGuid().ToString("N"));
    private readonly DetectorPhoto _photo;

    public DetectorAugmenterTests()
    {
        // A synthetic 400×300 photo with one bright 100×80 "face" at (200, 100).
        Directory.CreateDirectory(_dir);
        using var image = BgrImage.Create(400, 300);
        for (int y = 100; y < 180; y++)
            image.Pixels.Slice((y * 400 + 200) * 3, 100 * 3).Fill(220);
        var path = Path.Combine(_dir, "photo.png");
        ImageCodec.SavePng(image.AsFrame(), path);
        _photo = new DetectorPhoto(path, [new GroundTruthFace(new BoxF(200, 100, 100, 80), GroundTruthClass.WithMask)]);
    }

    [Fact]
    public void Disabled_augmentation_fits_the_photo_top_left_and_scales_its_boxes()
    {
        var augmenter = new DetectorAugmenter([_photo], new DetectorAugmentationOptions { Disabled = true }, Canvas, seed: 1);
        var chw = new float[augmenter.SampleLength];
        var boxes = new List<BoxF>();
        augmenter.Build(0, 1, chw, boxes);
        float scale = Canvas / 400f;
        var box = Assert.Single(boxes);
        Assert.Equal(200 * scale, box.X, 3);
        Assert.Equal(100 * scale, box.Width, 3);
        // Inside the face the canvas is bright, below the scaled photo it is zero padding.
        Assert.Equal(220f, chw[(int)(140 * scale) * Canvas + (int)(250 * scale)], 1);
        Assert.Equal(0f, chw[(Canvas - 1) * Canvas]);
    }

    [Fact]
    public void Tiny_face_mosaics_shrink_faces_to_the_configured_range()
    {
        var options = new DetectorAugmentationOptions
        {
            TinyFaceProbability = 1, FlipProbability = 0, ColorProbability = 0, BlurProbability = 0, JpegProbability = 0,
            LowResolutionProbability = 0, MosaicMaxImages = 6,
        };
        var augmenter = new DetectorAugmenter([_photo], options, Canvas, seed: 3);
        var chw = new float[augmenter.SampleLength];
        var boxes = new List<BoxF>();
        for (int index = 0; index < 5; index++)
        {
            augmenter.Build(0, index, chw, boxes);
            Assert.NotEmpty(boxes);
            // Faces are shrunk to 6–30 px (sqrt of area); pixel rounding at the edges adds at most a pixel or two.
            Assert.All(boxes, b => Assert.InRange(MathF.Sqrt(b.Area), 4f, 32f));
        }
    }

    [Fact]
    public void Samples_are_deterministic_for_a_seed_epoch_and_index()
    {
        var augmenter = new DetectorAugmenter([_photo], new DetectorAugmentationOptions(), Canvas, seed: 5);
        var a = new float[augmenter.SampleLength];
        var b = new float[augmenter.SampleLength];
        var boxesA = new List<BoxF>();
        var boxesB = new List<BoxF>();
        augmenter.Build(0, 2, a, boxesA);
        augmenter.Build(0, 2, b, boxesB);
        Assert.Equal(a, b);
        Assert.Equal(boxesA, boxesB);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}

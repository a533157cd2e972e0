using CctvMask.Testing;
using CctvMask.Vision.FaceDetection;
using CctvMask.Vision.Geometry;
using CctvMask.Vision.Imaging;
using CctvMask.Vision.Tests.Imaging;
using Xunit.Abstractions;

namespace CctvMask.Vision.Tests.FaceDetection;

/// <summary>The small-face pass: a second, zoomed run whose small faces join the first pass before NMS.</summary>
public sealed class YuNetZoomPassTests(ITestOutputHelper output)
{
    private const float TinyFace = 16;

    private static YuNetFaceDetector Create(int zoom, string model = "yunet_n_dynamic.onnx", InputSizePolicy policy = InputSizePolicy.AtLeastLongSide,
        float zoomMaxFace = 32) =>
        new(new FaceDetectorOptions
        {
            ModelPath = TestEnvironment.Model(model),
            InputSizePolicy = policy,
            ZoomLongSide = zoom,
            ZoomMaxFaceSize = zoomMaxFace,
        });

    private static List<RawFace> Detect(YuNetFaceDetector detector, BgrImage image)
    {
        var results = new RawFace[512];
        int n = detector.Detect(image.AsFrame(), results);
        return results.Take(n).ToList();
    }

    private static float Size(BoxF b) => MathF.Sqrt(b.Width * b.Height);

    [Fact]
    public void FindsMoreTinyFacesAndAddsOnlySmallOnes()
    {
        using var plain = Create(zoom: 0);
        using var zoomed = Create(zoom: 960, zoomMaxFace: 32);
        // The dev photos with the most tiny faces: where the pass is meant to help.
        var names = Directory.GetFiles(TestEnvironment.Shared("datasets", "face-mask-dev", "images"), "*.jpg")
            .Select(f => Path.GetFileNameWithoutExtension(f)!)
            .OrderByDescending(n => DevSet.Annotation(n).Faces.Count(f => Size(f.Box) < TinyFace)).ThenBy(n => n, StringComparer.Ordinal)
            .Take(12).ToList();
        int tiny = 0, all = 0;
        double tinyPlain = 0, tinyZoom = 0, allPlain = 0, allZoom = 0;
        foreach (var name in names)
        {
            var truth = DevSet.Annotation(name).Faces.Select(f => f.Box).ToList();
            var small = truth.Where(b => Size(b) < TinyFace).ToList();
            using var image = ImageCodec.DecodeFile(DevSet.Image(name));
            var a = Detect(plain, image);
            var z = Detect(zoomed, image);

            tiny += small.Count;
            all += truth.Count;
            tinyPlain += DetectionMetrics.Recall(small, a.Select(f => f.Box).ToList(), 0.3f) * small.Count;
            tinyZoom += DetectionMetrics.Recall(small, z.Select(f => f.Box).ToList(), 0.3f) * small.Count;
            allPlain += DetectionMetrics.Recall(truth, a.Select(f => f.Box).ToList(), 0.3f) * truth.Count;
            allZoom += DetectionMetrics.Recall(truth, z.Select(f => f.Box).ToList(), 0.3f) * truth.Count;

            // Every face the first pass does not explain came from the zoomed pass, so it is small.
            foreach (var face in z.Where(f => !a.Any(p => BoxF.IoU(p.Box, f.Box) > 0.3f)))
                Assert.True(Size(face.Box) < 32, $"{name}: zoom-only face of {Size(face.Box):F1} px");
            Assert.All(z, f => Assert.True(f.Box.X >= 0 && f.Box.Right <= image.Width && f.Box.Bottom <= image.Height));
        }
        output.WriteLine($"tiny faces {tiny}: recall {tinyPlain / tiny:P1} → {tinyZoom / tiny:P1}; all {all}: {allPlain / all:P1} → {allZoom / all:P1}");
        Assert.True(tiny >= 50, $"fixture has only {tiny} tiny faces");
        Assert.True(tinyZoom >= tinyPlain + 5, $"tiny-face hits {tinyPlain} → {tinyZoom}");
        Assert.True(allZoom >= allPlain, $"all-face hits {allPlain} → {allZoom}");
    }

    [Fact]
    public void IsSkippedWhenItWouldNotEnlargeTheFrame()
    {
        // AtLeastLongSide 640 already runs this frame at 640, so a 640 "zoom" adds nothing and must not run.
        using var plain = Create(zoom: 0);
        using var same = Create(zoom: 640);
        using var image = ImageCodec.DecodeFile(DevSet.Image("maksssksksss373"));
        Assert.Equal(Detect(plain, image), Detect(same, image));
    }

    [Fact]
    public void FixedSizeModelIgnoresIt()
    {
        using var plain = Create(zoom: 0, model: "yunet_n_640_640.onnx", policy: InputSizePolicy.Fixed640);
        using var zoomed = Create(zoom: 1280, model: "yunet_n_640_640.onnx", policy: InputSizePolicy.Fixed640);
        using var image = ImageCodec.DecodeFile(DevSet.Image("maksssksksss373"));
        Assert.Equal(Detect(plain, image), Detect(zoomed, image));
    }

    [Fact]
    public void BatchEqualsOneByOne()
    {
        using var detector = Create(zoom: 960);
        using var a = ImageCodec.DecodeFile(DevSet.Image("maksssksksss373"));
        using var b = ImageCodec.DecodeFile(DevSet.Image("maksssksksss495"));
        BgrFrame[] frames = [a.AsFrame(), b.AsFrame(), a.AsFrame()];
        var batch = new RawFace[1024];
        var counts = new int[frames.Length];
        detector.Detect(frames, batch, counts);
        int offset = 0;
        foreach (var (frame, i) in frames.Select((f, i) => (f, i)))
        {
            var single = new RawFace[512];
            int n = detector.Detect(frame, single);
            Assert.Equal(n, counts[i]);
            for (int k = 0; k < n; k++)
                Assert.Equal(single[k].Box.X, batch[offset + k].Box.X, 1);
            offset += n;
        }
    }
}

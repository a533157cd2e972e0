using CctvMask.Testing;
using CctvMask.Vision.Detection;
using CctvMask.Vision.FaceDetection;
using CctvMask.Vision.Imaging;
using CctvMask.Vision.Tests.Imaging;
using Xunit.Abstractions;

namespace CctvMask.Vision.Tests.FaceDetection;

public sealed class YuNetFaceDetectorTests(ITestOutputHelper output)
{
    public static TheoryData<string, InputSizePolicy> Models => new()
    {
        { "yunet_n_640_640.onnx", InputSizePolicy.Fixed640 },
        { "yunet_n_dynamic.onnx", InputSizePolicy.AtLeastLongSide },
        { "yunet_n_dynamic.onnx", InputSizePolicy.Native },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void FindsAnnotatedFacesOnDevImages(string model, InputSizePolicy policy)
    {
        using var detector = new YuNetFaceDetector(new FaceDetectorOptions { ModelPath = TestEnvironment.Model(model), InputSizePolicy = policy });
        var results = new RawFace[256];
        int annotated = 0;
        double matched = 0;
        foreach (var name in new[] { "maksssksksss373", "maksssksksss495", "maksssksksss257" })
        {
            var (_, _, faces) = DevSet.Annotation(name);
            using var image = ImageCodec.DecodeFile(DevSet.Image(name));
            int n = detector.Detect(image.AsFrame(), results);
            var found = results.Take(n).Select(f => f.Box).ToList();
            double recall = DetectionMetrics.Recall(faces.Select(f => f.Box).ToList(), found, 0.3f);
            output.WriteLine($"{model} {policy} {name}: {n} found, {faces.Count} annotated, recall {recall:P0}");
            Assert.True(recall >= 0.6, $"{name}: recall {recall:P0}");
            annotated += faces.Count;
            matched += recall * faces.Count;
            Assert.True(n <= faces.Count * 2 + 2, $"{name}: {n} detections for {faces.Count} faces");
            for (int i = 0; i < n; i++)
            {
                Assert.InRange(results[i].Score, 0.5f, 1f);
                Assert.True(results[i].Box.X >= 0 && results[i].Box.Right <= image.Width && results[i].Box.Bottom <= image.Height);
                if (i > 0) Assert.True(results[i].Score <= results[i - 1].Score);
                // The nose lies inside its face box (a loose check that landmarks map back to the frame too).
                var nose = results[i].Landmarks.Nose;
                var box = results[i].Box;
                Assert.InRange(nose.X, box.X - 2, box.Right + 2);
                Assert.InRange(nose.Y, box.Y - 2, box.Bottom + 2);
            }
        }
        Assert.True(matched / annotated >= 0.8, $"overall recall {matched / annotated:P0}");
    }

    [Fact]
    public void BatchEqualsOneByOne()
    {
        using var detector = new YuNetFaceDetector(new FaceDetectorOptions
        {
            ModelPath = TestEnvironment.Model("yunet_n_dynamic.onnx"),
            InputSizePolicy = InputSizePolicy.LongSide,
            LongSide = 480,
        });
        using var a = ImageCodec.DecodeFile(DevSet.Image("maksssksksss373"));
        using var b = ImageCodec.DecodeFile(DevSet.Image("maksssksksss495"));
        using var c = ImageCodec.DecodeFile(DevSet.Image("maksssksksss257"));
        BgrFrame[] frames = [a.AsFrame(), b.AsFrame(), c.AsFrame(), a.AsFrame()];
        var batch = new RawFace[1024];
        var counts = new int[frames.Length];
        int total = detector.Detect(frames, batch, counts);
        Assert.Equal(total, counts.Sum());

        int offset = 0;
        var single = new RawFace[256];
        for (int i = 0; i < frames.Length; i++)
        {
            int n = detector.Detect(frames[i], single);
            Assert.Equal(n, counts[i]);
            for (int k = 0; k < n; k++)
            {
                Assert.Equal(single[k].Box.X, batch[offset + k].Box.X, 1);
                Assert.Equal(single[k].Score, batch[offset + k].Score, 3);
            }
            offset += n;
        }
    }

    [Fact]
    public void MissingModelIsModelLoadException()
    {
        var ex = Assert.Throws<ModelLoadException>(() => new YuNetFaceDetector(new FaceDetectorOptions { ModelPath = "/nonexistent/yunet.onnx" }));
        Assert.Contains("/nonexistent/yunet.onnx", ex.Message);
        Assert.Contains("not found", ex.Message);
    }

    [Fact]
    public void CorruptModelIsModelLoadException()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cctvmask-corrupt-{Guid.NewGuid():N}.onnx");
        var bytes = File.ReadAllBytes(TestEnvironment.Model("yunet_n_640_640.onnx"));
        File.WriteAllBytes(path, bytes.AsSpan(0, bytes.Length / 3).ToArray());
        try
        {
            var ex = Assert.Throws<ModelLoadException>(() => new YuNetFaceDetector(new FaceDetectorOptions { ModelPath = path }));
            Assert.Contains(path, ex.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void OtherModelIsRejectedNamingTheMissingOutput()
    {
        var path = TestEnvironment.Shared("models", "face-detection", "retinaface_mnet025_640.onnx");
        var ex = Assert.Throws<ModelLoadException>(() => new YuNetFaceDetector(new FaceDetectorOptions { ModelPath = path }));
        Assert.Contains("cls_8", ex.Message);
    }
}

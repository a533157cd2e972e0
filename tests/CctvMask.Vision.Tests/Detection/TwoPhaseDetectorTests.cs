using CctvMask.Testing;
using CctvMask.Vision.Detection;
using CctvMask.Vision.FaceDetection;
using CctvMask.Vision.Imaging;
using CctvMask.Vision.MaskClassification;
using CctvMask.Vision.Tests.Imaging;
using CctvMask.Vision.Tests.MaskClassification;

namespace CctvMask.Vision.Tests.Detection;

/// <summary>Two-phase pipeline with the real YuNet and a tiny generated classifier (no trained model needed).</summary>
public sealed class TwoPhaseDetectorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cctvmask-twophase-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    internal static TwoPhaseDetector Create(string dir, float minFaceSize = 12, float minConfidence = 0.6f, int maxBatch = 256,
        bool scoreTinyFaces = true)
    {
        // p(with_mask) rises with the red plane: confident for some faces, not for others.
        var classifier = TinyClassifierModel.Write(Path.Combine(dir, "tiny.onnx"), 16,
            new float[,] { { 8f, -8f }, { 0f, 0f }, { -8f, 8f } }, [0f, 0f], TinyClassifierModel.Metadata(16));
        return new TwoPhaseDetector(new TwoPhaseDetectorOptions
        {
            Detector = new FaceDetectorOptions { ModelPath = TestEnvironment.Model("yunet_n_640_640.onnx"), InputSizePolicy = InputSizePolicy.Fixed640 },
            Classifier = new MaskClassifierOptions { ModelPath = classifier, MaxBatch = maxBatch },
            MinFaceSize = minFaceSize,
            MinConfidence = minConfidence,
            ScoreTinyFaces = scoreTinyFaces,
        });
    }

    private TwoPhaseDetector Create(float minFaceSize = 12, float minConfidence = 0.6f, int maxBatch = 256, bool scoreTinyFaces = true) =>
        Create(_dir, minFaceSize, minConfidence, maxBatch, scoreTinyFaces);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void BatchOfDifferentSizesClassifiesAllCropsInOneRun(bool scoreTinyFaces)
    {
        using var detector = Create(minFaceSize: 20, scoreTinyFaces: scoreTinyFaces);
        using var a = ImageCodec.DecodeFile(DevSet.Image("maksssksksss373"));
        using var b = ImageCodec.DecodeFile(DevSet.Image("maksssksksss130"));
        using var c = ImageCodec.DecodeFile(DevSet.Image("maksssksksss1"));
        BgrFrame[] frames = [a.AsFrame(), b.AsFrame(), c.AsFrame()];
        long runsBefore = detector.Classifier.RunCount;

        using var result = detector.Detect(frames);

        Assert.Equal(1, detector.Classifier.RunCount - runsBefore);
        Assert.Equal(3, result.FrameCount);
        var raw = new RawFace[512];
        int total = 0, small = 0, judged = 0;
        for (int f = 0; f < frames.Length; f++)
        {
            int n = detector.FaceDetector.Detect(frames[f], raw);
            var faces = result[f];
            Assert.Equal(n, faces.Length);
            total += n;
            for (int i = 0; i < n; i++)
            {
                Assert.Equal(raw[i].Box, faces[i].Box);
                if (faces[i].Box.ShortSide < 20)
                {
                    small++;
                    // Tiny faces are never labelled; they carry the classifier's probability only when scored.
                    Assert.Equal(FaceLabel.Unknown, faces[i].Label);
                    if (scoreTinyFaces)
                        Assert.InRange(faces[i].MaskProbability, 0f, 1f);
                    else
                        Assert.True(float.IsNaN(faces[i].MaskProbability));
                }
                else
                {
                    judged++;
                    float p = faces[i].MaskProbability;
                    Assert.InRange(p, 0f, 1f);
                    var expected = Math.Max(p, 1 - p) < 0.6f ? FaceLabel.Unknown : p >= 0.5f ? FaceLabel.WithMask : FaceLabel.WithoutMask;
                    Assert.Equal(expected, faces[i].Label);
                }
            }
        }
        Assert.Equal(total, result.FaceCount);
        Assert.True(small > 0 && judged > 0, $"fixture should have small ({small}) and judged ({judged}) faces");
    }

    [Fact]
    public void LowConfidenceIsUnknownButKeepsTheProbability()
    {
        using var detector = Create(minConfidence: 1f);
        using var image = ImageCodec.DecodeFile(DevSet.Image("maksssksksss257"));
        var faces = detector.DetectOne(image.AsFrame());
        Assert.NotEmpty(faces);
        Assert.All(faces, f => Assert.Equal(FaceLabel.Unknown, f.Label));
        Assert.Contains(faces, f => !float.IsNaN(f.MaskProbability));
    }

    [Fact]
    public void ConcurrentCallersGetTheSameResultsAsSequentialOnes()
    {
        using var detector = Create();
        using var a = ImageCodec.DecodeFile(DevSet.Image("maksssksksss373"));
        using var b = ImageCodec.DecodeFile(DevSet.Image("maksssksksss5"));
        BgrImage[] images = [a, b];
        var expected = images.Select(i => detector.DetectOne(i.AsFrame())).ToArray();
        var actual = new IReadOnlyList<DetectedFace>[8];
        Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            i => actual[i] = detector.DetectOne(images[i % 2].AsFrame()));
        for (int i = 0; i < actual.Length; i++)
            Assert.Equal(expected[i % 2], actual[i]);
    }

    [Fact]
    public void EmptyBatchGivesEmptyResult()
    {
        using var detector = Create();
        using var result = detector.Detect([]);
        Assert.Equal(0, result.FrameCount);
        Assert.Equal(0, result.FaceCount);
    }

    [Fact]
    public void TooManyFramesIsRefused()
    {
        using var detector = Create();
        using var image = BgrImage.Create(32, 32);
        var frames = Enumerable.Repeat(image.AsFrame(), detector.Options.MaxFramesPerBatch + 1).ToArray();
        Assert.Throws<ArgumentException>(() => detector.Detect(frames));
    }

    [Fact]
    public void InvalidOptionsAreRefused()
    {
        var options = new TwoPhaseDetectorOptions { MinConfidence = 2f };
        Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(() => new TwoPhaseDetector(options));
    }
}

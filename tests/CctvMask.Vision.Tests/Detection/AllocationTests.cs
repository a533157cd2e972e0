using CctvMask.Testing;
using CctvMask.Vision.Detection;
using CctvMask.Vision.FaceDetection;
using CctvMask.Vision.Imaging;
using CctvMask.Vision.Tests.Imaging;
using Xunit.Abstractions;

namespace CctvMask.Vision.Tests.Detection;

/// <summary>Runs alone: ArrayPool.Shared is process-wide, and parallel tests would take pooled arrays.</summary>
[CollectionDefinition(nameof(AllocationTests), DisableParallelization = true)]
public sealed class AllocationTestsCollection;

[Collection(nameof(AllocationTests))]
public sealed class AllocationTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cctvmask-alloc-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void AllocationsPerDetectStayConstantWhateverTheFaceCount()
    {
        using var detector = TwoPhaseDetectorTests.Create(_dir, minFaceSize: 0);
        using var few = ImageCodec.DecodeFile(DevSet.Image("maksssksksss106"));
        using var many = ImageCodec.DecodeFile(DevSet.Image("maksssksksss518"));

        // Minimum over a few calls: ArrayPool.Shared is process-wide, another thread may take a pooled array once.
        long Measure(BgrImage image, out int faces)
        {
            BgrFrame[] frames = [image.AsFrame()];
            for (int i = 0; i < 3; i++)
                detector.Detect(frames).Dispose();
            long min = long.MaxValue;
            faces = 0;
            for (int i = 0; i < 5; i++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                using var result = detector.Detect(frames);
                min = Math.Min(min, GC.GetAllocatedBytesForCurrentThread() - before);
                faces = result.FaceCount;
            }
            return min;
        }

        long fewBytes = Measure(few, out int fewFaces);
        long manyBytes = Measure(many, out int manyFaces);
        output.WriteLine($"allocated per Detect: {fewBytes} B ({fewFaces} faces), {manyBytes} B ({manyFaces} faces)");
        Assert.True(manyFaces >= fewFaces + 20, $"fixture: {fewFaces} vs {manyFaces} faces");
        Assert.True(fewBytes < 4096, $"{fewBytes} bytes allocated for {fewFaces} faces");
        Assert.True(manyBytes < 4096, $"{manyBytes} bytes allocated for {manyFaces} faces");
        Assert.True(Math.Abs(manyBytes - fewBytes) < 512, $"{fewBytes} B for {fewFaces} faces vs {manyBytes} B for {manyFaces} faces");
    }

    [Fact]
    public void VaryingBatchSizesReuseTheDetectorBuffers()
    {
        using var detector = new YuNetFaceDetector(new FaceDetectorOptions
        {
            ModelPath = TestEnvironment.Model("yunet_n_dynamic.onnx"),
            InputSizePolicy = InputSizePolicy.Native,
        });
        using var image = ImageCodec.DecodeFile(DevSet.Image("maksssksksss5"));
        var frames = Enumerable.Repeat(image.AsFrame(), 3).ToArray();
        var results = new RawFace[1024];
        var counts = new int[3];
        int[] sizes = [3, 1, 2];
        foreach (int n in sizes)
            detector.Detect(frames.AsSpan(0, n), results, counts);

        foreach (int n in sizes)
        {
            long min = long.MaxValue;
            for (int i = 0; i < 3; i++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                detector.Detect(frames.AsSpan(0, n), results, counts);
                min = Math.Min(min, GC.GetAllocatedBytesForCurrentThread() - before);
            }
            output.WriteLine($"batch {n}: {min} B");
            Assert.True(min < 1024, $"batch of {n}: {min} bytes allocated");
            Assert.Equal(counts[0], counts[n - 1]);
        }
    }

    [Fact]
    public void TheSmallFacePassCostsOnlyItsOwnModelRun()
    {
        long Measure(int zoom)
        {
            using var detector = new YuNetFaceDetector(new FaceDetectorOptions
            {
                ModelPath = TestEnvironment.Model("yunet_n_dynamic.onnx"),
                InputSizePolicy = InputSizePolicy.AtLeastLongSide,
                ZoomLongSide = zoom,
            });
            using var image = ImageCodec.DecodeFile(DevSet.Image("maksssksksss518"));
            var results = new RawFace[1024];
            for (int i = 0; i < 2; i++)
                detector.Detect(image.AsFrame(), results);
            long min = long.MaxValue;
            for (int i = 0; i < 3; i++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                detector.Detect(image.AsFrame(), results);
                min = Math.Min(min, GC.GetAllocatedBytesForCurrentThread() - before);
            }
            return min;
        }

        long plain = Measure(0), zoomed = Measure(960);
        output.WriteLine($"Detect allocates {plain} B, with the small-face pass {zoomed} B");
        // ONNX Runtime's managed Run marshals a little per call; the second pass may add that much, no more.
        Assert.True(plain < 1024, $"{plain} bytes allocated per Detect");
        Assert.True(zoomed <= 2 * plain + 64, $"{zoomed} bytes per zoomed Detect vs {plain} plain");
    }
}

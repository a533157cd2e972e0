using CctvMask.Grains.Inference;
using CctvMask.Grains.Tests.Support;
using CctvMask.Vision.Geometry;
using CctvMask.Vision.Imaging;

namespace CctvMask.Grains.Tests.Inference;

/// <summary>The batcher over the real two-phase detector, on frames decoded from the shared crowd clip.</summary>
public sealed class RealDetectorBatchTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task Cross_camera_batch_finds_the_same_faces_as_single_frames_and_matches_ground_truth()
    {
        int[] indices = [10, 30, 50, 70];
        var clip = Videos.Crowd360;
        var pixels = await VideoFrames.ReadAsync(clip, 640, 360, indices);
        var frames = pixels.Select(p => new BgrFrame(p, 640, 360)).ToArray();
        output.WriteLine($"classifier: {RealModels.Classifier()}");

        using var detector = RealModels.Create();
        // A long max wait: the four submissions below form one batch across the two cameras.
        await using var h = new BatcherHarness(new TwoPhaseBatchDetector(detector), new BatchingOptions { MaxBatchSize = 4, MaxWaitMilliseconds = 1000 });
        var batcher = h.Batcher;

        using (detector.Detect(frames)) { } // warm-up: the first run initialises ONNX Runtime
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var tasks = frames.Select((f, i) => batcher.SubmitAsync(i < 2 ? "cam-a" : "cam-b", f).AsTask()).ToArray();
        var results = await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(60));
        output.WriteLine($"4-frame cross-camera batch (incl. max-wait check): {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms");
        try
        {
            Assert.All(results, r => Assert.Equal(4, r.BatchSize));
            for (int i = 0; i < frames.Length; i++)
            {
                var batched = results[i].Faces.ToArray();
                var singleStart = System.Diagnostics.Stopwatch.GetTimestamp();
                var single = detector.DetectOne(frames[i]);
                output.WriteLine($"frame {indices[i]} alone: {System.Diagnostics.Stopwatch.GetElapsedTime(singleStart).TotalMilliseconds:F0} ms");
                Assert.Equal(single.Count, batched.Length);
                for (int k = 0; k < batched.Length; k++)
                {
                    Assert.Equal(single[k].Box.X, batched[k].Box.X, 0.5f);
                    Assert.Equal(single[k].Label, batched[k].Label);
                }

                var truth = VideoFrames.GroundTruth(clip, indices[i]);
                int matched = truth.Count(t => batched.Any(f => BoxF.IoU(f.Box, t) >= 0.3f));
                output.WriteLine($"frame {indices[i]}: {batched.Length} faces, {matched}/{truth.Count} ground-truth faces found");
                Assert.NotEmpty(truth);
                Assert.True(matched > 0, $"frame {indices[i]}: none of {truth.Count} ground-truth faces detected");
            }
        }
        finally
        {
            foreach (var r in results) r.Dispose();
        }
    }
}

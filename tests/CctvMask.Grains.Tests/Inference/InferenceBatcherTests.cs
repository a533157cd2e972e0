using CctvMask.Grains.Inference;
using CctvMask.Grains.Tests.Support;

namespace CctvMask.Grains.Tests.Inference;

public sealed class InferenceBatcherTests
{
    // A guard against hangs only; nothing asserts on elapsed time.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Batches_form_across_cameras_up_to_the_max_size()
    {
        var detector = new FakeDetector(holdFirstBatch: true);
        await using var h = new BatcherHarness(detector, new BatchingOptions { MaxBatchSize = 4, MaxWaitMilliseconds = 0, QueueCapacityPerCamera = 2 });
        var warmUp = h.Batcher.SubmitAsync("warm", BatcherHarness.Frame(99)).AsTask();
        Assert.True(detector.FirstBatchEntered.Wait(Guard));

        // While the detector is busy, three cameras queue two frames each (tag = 10·camera + n).
        var tasks = new List<Task<DetectionResult>>();
        for (int n = 0; n < 2; n++)
            for (int cam = 1; cam <= 3; cam++)
                tasks.Add(h.Batcher.SubmitAsync($"cam-{cam}", BatcherHarness.Frame((byte)(10 * cam + n))).AsTask());
        Assert.Equal(6, h.Batcher.PendingCount);
        detector.Release();

        var results = await Task.WhenAll(tasks).WaitAsync(Guard);
        (await warmUp.WaitAsync(Guard)).Dispose();
        Assert.All(results, r => Assert.Equal(DetectionStatus.Completed, r.Status));
        Assert.Equal(3, detector.Batches.Count);
        Assert.Equal([99], detector.Batches[0]);
        // Round-robin: one frame per camera per round, so the full batch spans all three cameras.
        Assert.Equal([10, 20, 30, 11], detector.Batches[1]);
        Assert.Equal([21, 31], detector.Batches[2]);
        Assert.Equal(4, results[0].BatchSize);
        Assert.Equal(2, results[5].BatchSize);
        // Faces are routed back to their own frame.
        for (int i = 0; i < tasks.Count; i++)
        {
            var face = Assert.Single(results[i].Faces.ToArray());
            Assert.Equal(10 * (i % 3 + 1) + i / 3, (int)face.Box.X);
            results[i].Dispose();
        }
    }

    [Fact]
    public async Task Max_wait_flushes_a_partial_batch()
    {
        var detector = new FakeDetector();
        await using var h = new BatcherHarness(detector, new BatchingOptions { MaxBatchSize = 8, MaxWaitMilliseconds = 30 });
        using var result = await h.Batcher.SubmitAsync("cam-1", BatcherHarness.Frame(7)).AsTask().WaitAsync(Guard);
        Assert.Equal(DetectionStatus.Completed, result.Status);
        Assert.Equal(1, result.BatchSize);
        Assert.Equal([7], Assert.Single(detector.Batches));
    }

    [Fact]
    public async Task A_full_camera_queue_drops_its_oldest_frames_and_counts_them()
    {
        var detector = new FakeDetector(holdFirstBatch: true);
        await using var h = new BatcherHarness(detector, new BatchingOptions { MaxBatchSize = 8, MaxWaitMilliseconds = 0, QueueCapacityPerCamera = 2 });
        var busy = h.Batcher.SubmitAsync("slow", BatcherHarness.Frame(0)).AsTask();
        Assert.True(detector.FirstBatchEntered.Wait(Guard));

        var slow = Enumerable.Range(1, 5).Select(i => h.Batcher.SubmitAsync("slow", BatcherHarness.Frame((byte)i)).AsTask()).ToList();
        var other = h.Batcher.SubmitAsync("other", BatcherHarness.Frame(50)).AsTask();
        // Frames 1..3 were pushed out by 4 and 5, immediately; the other camera is untouched.
        for (int i = 0; i < 3; i++)
        {
            Assert.True(slow[i].IsCompletedSuccessfully);
            Assert.Equal(DetectionStatus.Dropped, (await slow[i]).Status);
        }
        Assert.Equal(3, h.Batcher.PendingCount);
        detector.Release();

        (await busy.WaitAsync(Guard)).Dispose();
        using var r4 = await slow[3].WaitAsync(Guard);
        using var r5 = await slow[4].WaitAsync(Guard);
        using var r50 = await other.WaitAsync(Guard);
        Assert.Equal(DetectionStatus.Completed, r4.Status);
        Assert.Equal(DetectionStatus.Completed, r5.Status);
        Assert.Equal(DetectionStatus.Completed, r50.Status);
        Assert.DoesNotContain(detector.Batches.SelectMany(b => b), t => t is 1 or 2 or 3);
        lock (h.Dropped)
        {
            Assert.Equal(3, h.Dropped["slow"]);
            Assert.False(h.Dropped.ContainsKey("other"));
        }
    }

    [Fact]
    public async Task A_cancelled_frame_is_never_given_to_the_detector()
    {
        var detector = new FakeDetector(holdFirstBatch: true);
        await using var h = new BatcherHarness(detector, new BatchingOptions { MaxWaitMilliseconds = 0 });
        var busy = h.Batcher.SubmitAsync("cam", BatcherHarness.Frame(1)).AsTask();
        Assert.True(detector.FirstBatchEntered.Wait(Guard));
        using var cts = new CancellationTokenSource();
        var cancelled = h.Batcher.SubmitAsync("cam", BatcherHarness.Frame(2), cts.Token).AsTask();
        var kept = h.Batcher.SubmitAsync("cam", BatcherHarness.Frame(3)).AsTask();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Guard));
        detector.Release();
        (await busy.WaitAsync(Guard)).Dispose();
        (await kept.WaitAsync(Guard)).Dispose();
        Assert.DoesNotContain(detector.Batches.SelectMany(b => b), t => t == 2);
    }

    [Fact]
    public async Task A_detector_failure_fails_that_batch_only()
    {
        var detector = new FakeDetector { ThrowOnce = new InvalidOperationException("model broke") };
        await using var h = new BatcherHarness(detector, new BatchingOptions { MaxWaitMilliseconds = 0 });
        var failed = h.Batcher.SubmitAsync("cam", BatcherHarness.Frame(1)).AsTask();
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => failed.WaitAsync(Guard));
        Assert.Equal("model broke", ex.Message);
        using var ok = await h.Batcher.SubmitAsync("cam", BatcherHarness.Frame(2)).AsTask().WaitAsync(Guard);
        Assert.Equal(1, ok.FaceCount);
    }

    [Fact]
    public async Task Bad_submissions_are_rejected_clearly()
    {
        await using var h = new BatcherHarness(new FakeDetector(), new BatchingOptions());
        Assert.Throws<ArgumentException>(() => h.Batcher.SubmitAsync("", BatcherHarness.Frame(1)));
        Assert.Throws<ArgumentException>(() => h.Batcher.SubmitAsync("cam", default));
    }
}

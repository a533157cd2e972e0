using CctvMask.Grains.Cameras;
using CctvMask.Grains.Tests.Support;
using CctvMask.Grains.Violations;
using CctvMask.Testing;
using Microsoft.Extensions.Options;

namespace CctvMask.Grains.Tests.Cameras;

/// <summary>Violation evidence drawn off the inference lanes: order, a full queue, draining, and the same records as on the lane.</summary>
public sealed class EvidenceWorkerTests
{
    [Fact]
    public async Task Jobs_run_one_at_a_time_in_order_a_full_queue_refuses_and_disposing_runs_what_is_queued()
    {
        var worker = new EvidenceWorker(Options.Create(new ViolationOptions { EvidenceQueueCapacity = 2 }));
        using var gate = new ManualResetEventSlim();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ran = new List<int>();
        int running = 0, overlapped = 0;
        void Job(int n)
        {
            if (Interlocked.Increment(ref running) > 1) Interlocked.Increment(ref overlapped);
            lock (ran) ran.Add(n);
            Interlocked.Decrement(ref running);
        }

        Assert.True(worker.TryQueue(() => { started.SetResult(); gate.Wait(); Job(0); }));
        await started.Task; // the consumer holds job 0: the queue itself is empty again
        Assert.True(worker.TryQueue(() => Job(1)));
        Assert.True(worker.TryQueue(() => Job(2)));
        Assert.False(worker.TryQueue(() => Job(3))); // capacity 2: the caller draws this one itself
        gate.Set();
        await worker.DisposeAsync();

        Assert.Equal([0, 1, 2], ran);
        Assert.Equal(0, overlapped);
        Assert.False(worker.TryQueue(() => Job(4))); // closed: drawn by the caller, never dropped
    }

    [Theory]
    [InlineData(64)] // every violation drawn by the worker
    [InlineData(1)]  // bursts overflow: some drawn on the lane, some by the worker
    public async Task A_clip_records_the_same_violations_with_the_same_images_as_drawing_them_on_the_lane(int capacity)
    {
        var clip = TestEnvironment.Shared("videos", "crowd_640x360_10fps.mp4");
        var onLane = await ClipRun.RunAsync(clip, 640, 360, 5, 1, new ViolationOptions());
        var worker = new EvidenceWorker(Options.Create(new ViolationOptions { EvidenceQueueCapacity = capacity }));
        MemorySink offLane;
        try
        {
            offLane = await ClipRun.RunAsync(clip, 640, 360, 5, 1, new ViolationOptions(), evidence: worker);
        }
        finally
        {
            await worker.DisposeAsync();
        }

        // ClipRun finishes the camera, which waits for its queued evidence: everything is in the sink already.
        var expected = onLane.Violations.OrderBy(v => v.TrackId).ToArray();
        var actual = offLane.Violations.OrderBy(v => v.TrackId).ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].TrackId, actual[i].TrackId);
            Assert.Equal(expected[i].OccurredAt, actual[i].OccurredAt);
            Assert.Equal(expected[i].Kind, actual[i].Kind);
            Assert.Equal(expected[i].FaceBox, actual[i].FaceBox);
            Assert.NotEmpty(actual[i].SnapshotJpeg);
            Assert.Equal(expected[i].SnapshotJpeg, actual[i].SnapshotJpeg);
            Assert.Equal(expected[i].FaceJpeg, actual[i].FaceJpeg);
        }

        // Every violation handed to the worker was journaled first, with its face crop but no snapshot, under the id its
        // final record carries (so the final one supersedes it; a crash in between keeps the violation and who it was).
        // Drawn on the lane: no need.
        Assert.Empty(onLane.ProvisionalViolations);
        var finals = offLane.Violations.ToDictionary(v => v.Id);
        Assert.Equal(finals.Count, offLane.ProvisionalViolations.Count);
        foreach (var provisional in offLane.ProvisionalViolations)
        {
            var final = finals[provisional.Id];
            Assert.Equal((final.TrackId, final.OccurredAt, final.Kind, final.Confidence), (provisional.TrackId, provisional.OccurredAt, provisional.Kind, provisional.Confidence));
            Assert.NotEmpty(provisional.FaceJpeg);
            Assert.Equal(final.FaceJpeg, provisional.FaceJpeg);
            Assert.Empty(provisional.SnapshotJpeg);
        }
    }
}

using CctvMask.Abstractions.Privacy;
using CctvMask.Grains.Cameras;
using CctvMask.Grains.Inference;
using CctvMask.Grains.Tests.Support;
using CctvMask.Grains.Tracking;
using CctvMask.Grains.Violations;
using Microsoft.Extensions.Logging.Abstractions;

namespace CctvMask.Grains.Tests.Inference;

public sealed class InferenceLoopTests
{
    private static InferenceLoop Loop(IFaceModels models, InferenceLoopOptions? options = null) => Loops.Create(models, options);

    // Every face of a camera's first two frames is cropped: ConfirmHits 1 (a tentative track is not judged) and two
    // early votes (the defaults take one).
    private static readonly TrackerOptions Tracking = new() { ConfirmHits = 1, MinJudgedVotes = 2, MaxEarlyJudgements = 2 };

    private static CameraPipeline Pipeline(string id, MemorySink sink) =>
        new(id, null, PrivacyModes.Default, Tracking, new ViolationOptions(), new CameraOptions(), sink, sink, NullLogger.Instance);

    private static Task Until(Func<bool> condition) => Loops.Until(condition);

    [Fact]
    public async Task Every_frame_is_disposed_exactly_once_whether_analysed_dropped_or_left_at_detach()
    {
        var models = new FixedFaceDetector();
        await using var loop = Loop(models, new InferenceLoopOptions { MotionMaxSkipSeconds = 0 });
        var sink = new MemorySink();
        var sources = Enumerable.Range(0, 3).Select(_ => new FakeFrameSource()).ToArray();
        var feeds = sources.Select((s, i) => loop.Attach(new CameraConfig($"cam-{i}", "rtsp://x/y"), s, Pipeline($"cam-{i}", sink))).ToArray();
        for (int f = 0; f < 200; f++)
            foreach (var s in sources) s.Publish((byte)f);
        await Until(() => Enumerable.Range(0, 3).All(i => feeds[i].FramesTaken + sources[i].Dropped == 200
            && feeds[i].FramesTaken == feeds[i].FramesAnalysed + feeds[i].FramesSkipped + feeds[i].FramesFailed));
        foreach (var feed in feeds) await loop.DetachAsync(feed);
        foreach (var s in sources) await s.DisposeAsync();

        for (int i = 0; i < sources.Length; i++)
        {
            Assert.Equal(0, sources[i].Pool.Outstanding);
            Assert.Equal(200, feeds[i].FramesTaken + sources[i].Dropped);   // one drop policy: the slot
            Assert.Equal(0, feeds[i].FramesFailed);
        }
        Assert.True(models.Frames > 0);
    }

    [Fact]
    public async Task Frames_are_released_when_the_loop_stops_mid_stream_and_when_inference_throws()
    {
        var models = new FixedFaceDetector { ThrowOnce = new InvalidOperationException("boom") };
        var source = new FakeFrameSource();
        var loop = Loop(models);
        var feed = loop.Attach(new CameraConfig("cam-x", "rtsp://x/y", MotionGating: false), source, Pipeline("cam-x", new MemorySink()));
        var publisher = Task.Run(async () =>
        {
            for (int f = 0; f < 200; f++) { source.Publish((byte)f); await Task.Delay(2); }
        });
        await Until(() => feed.FramesTaken > 5);
        await loop.DisposeAsync();              // cancellation while frames keep coming
        await publisher;
        await source.DisposeAsync();
        Assert.Equal(0, source.Pool.Outstanding);
        Assert.Equal(1, feed.FramesFailed);
        Assert.Equal("boom", feed.LastError);
    }

    [Theory]
    [InlineData(1, "detect 1,crop,detect 1,crop,detect 1,crop,classify 3")]
    [InlineData(0, "detect 3,crop,crop,crop,classify 3")]
    public async Task A_round_crops_each_frame_right_after_its_phase_1_call_and_runs_phase_2_once_across_cameras(int framesPerCall, string expected)
    {
        var gate = new ManualResetEventSlim(false);
        var models = new FixedFaceDetector { Gate = gate };
        await using var loop = Loop(models, new InferenceLoopOptions { MaxBatchSize = 4, PhaseOneFramesPerCall = framesPerCall });
        var sink = new MemorySink();
        var sources = Enumerable.Range(0, 3).Select(_ => new FakeFrameSource()).ToArray();
        var feeds = sources.Select((s, i) => loop.Attach(new CameraConfig($"cam-{i}", "rtsp://x/y", MotionGating: false), s, Pipeline($"cam-{i}", sink))).ToArray();
        sources[0].Publish(1);
        Assert.True(await models.Entered.WaitAsync(TimeSpan.FromSeconds(30)));   // round 1 (camera 0) is held in phase 1
        foreach (var source in sources) source.Publish(2);                      // so round 2 holds all three cameras
        gate.Set();
        await Until(() => feeds[0].FramesAnalysed == 2 && feeds[1].FramesAnalysed == 1 && feeds[2].FramesAnalysed == 1);

        var calls = models.Calls;
        int firstRoundEnd = Array.FindIndex(calls, c => c.StartsWith("classify", StringComparison.Ordinal));
        Assert.Equal(["detect 1", "crop", "classify 1"], calls[..(firstRoundEnd + 1)]);
        Assert.Equal(expected, string.Join(',', calls[(firstRoundEnd + 1)..]));
        foreach (var feed in feeds) await loop.DetachAsync(feed);
        foreach (var source in sources) await source.DisposeAsync();
    }

    [Theory]
    [InlineData(true, 40.0, false, 2)]    // gated camera: the cut ends the first person's track, the face after it is someone new
    [InlineData(false, 40.0, false, 2)]   // not gated: the thumbnail is still compared
    [InlineData(false, 0.0, false, 1)]    // cuts off: the track carries on across the change of scene
    [InlineData(false, 40.0, true, 1)]    // a light switched on (every pixel 60 brighter): the same scene, the same person
    public async Task A_scene_cut_ends_every_track_so_no_one_inherits_the_place_of_someone_else(bool gated, double cut, bool lightsOn, int people)
    {
        var models = new FixedFaceDetector();   // the same face at the same place in every frame
        await using var loop = Loop(models, new InferenceLoopOptions { MotionMaxSkipSeconds = 0, SceneCutMeanDifference = cut });
        var source = new FakeFrameSource();
        var sink = new MemorySink();
        var pipeline = Pipeline("cut", sink);
        var feed = loop.Attach(new CameraConfig("cut", "rtsp://x/y", MotionGating: gated), source, pipeline);
        // Three frames of a scene dark on the left and bright on the right, then three of the mirror scene (difference
        // ~180, brightness unchanged) or of the same scene lit up.
        for (int f = 0; f < 6; f++)
        {
            byte step = (byte)(4 * (f % 3));
            byte dark = (byte)(20 + step), bright = (byte)(150 + step);
            if (f < 3) source.Publish(dark, bright);
            else if (lightsOn) source.Publish((byte)(dark + 60), (byte)(bright + 60));
            else source.Publish(bright, dark);
            await Until(() => feed.FramesAnalysed + feed.FramesSkipped + source.Dropped == f + 1);
        }
        await loop.DetachAsync(feed);
        pipeline.Finish();
        await source.DisposeAsync();

        Assert.Equal(cut > 0 && !lightsOn ? 1 : 0, pipeline.SceneCuts);
        Assert.Equal(people, sink.Minutes.Sum(m => m.People));
        Assert.Equal(0, source.Pool.Outstanding);
    }

    [Fact]
    public async Task The_motion_gate_skips_phase_1_for_a_static_camera_only()
    {
        var models = new FixedFaceDetector();
        await using var loop = Loop(models, new InferenceLoopOptions { MotionMaxSkipSeconds = 3600 });
        var busy = new FakeFrameSource();
        var still = new FakeFrameSource();
        var sink = new MemorySink();
        var busyFeed = loop.Attach(new CameraConfig("busy", "rtsp://x/y"), busy, Pipeline("busy", sink));
        var stillFeed = loop.Attach(new CameraConfig("still", "rtsp://x/y"), still, Pipeline("still", sink));
        for (int f = 0; f < 20; f++)
        {
            busy.Publish((byte)(f * 12));
            still.Publish(128);
            await Until(() => busyFeed.FramesAnalysed + busyFeed.FramesSkipped + busy.Dropped == f + 1
                && stillFeed.FramesAnalysed + stillFeed.FramesSkipped + still.Dropped == f + 1);
        }
        Assert.Equal(1, stillFeed.FramesAnalysed);            // the first frame only
        Assert.Equal(stillFeed.FramesTaken - 1, stillFeed.FramesSkipped);
        Assert.Equal(0, busyFeed.FramesSkipped);
        await loop.DetachAsync(busyFeed);
        await loop.DetachAsync(stillFeed);
        await busy.DisposeAsync();
        await still.DisposeAsync();
        Assert.Equal(0, busy.Pool.Outstanding + still.Pool.Outstanding);
    }
}

using CctvMask.Abstractions.Privacy;
using CctvMask.Grains.Cameras;
using CctvMask.Grains.Tests.Support;
using CctvMask.Grains.Tracking;
using CctvMask.Grains.Violations;
using CctvMask.Video.Frames;
using Microsoft.Extensions.Logging.Abstractions;

namespace CctvMask.Grains.Tests.Cameras;

/// <summary>The live-view JPEG is made only while someone watches, and a request after idle still gets a fresh frame.</summary>
public sealed class LiveViewTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 4, 11, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Frame = TimeSpan.FromMilliseconds(200); // 5 detect-fps

    private readonly FrameBufferPool _pool = new(new FrameSize(64, 48));
    private readonly ManualTimeProvider _time = new(T0);

    private CameraPipeline Create(PrivacyMode privacy = PrivacyMode.Evidence, int waitMs = 10_000)
    {
        var sink = new MemorySink();
        return new CameraPipeline("cam", null, privacy, new TrackerOptions(), new ViolationOptions(),
            new CameraOptions { LiveFrameIntervalMilliseconds = 1000, LiveViewLeaseSeconds = 15, LiveViewWaitMilliseconds = waitMs },
            sink, sink, NullLogger.Instance);
    }

    // Frames the motion gate skipped (a static scene), as the loop hands them over; the clock moves a frame each.
    private void Run(CameraPipeline pipeline, int frames)
    {
        for (int i = 0; i < frames; i++)
        {
            _time.Advance(Frame);
            pipeline.Skip(_pool.RentFrame(0, _time.GetUtcNow()), _time.GetUtcNow());
        }
    }

    [Fact]
    public void Nobody_watching_no_live_frame_is_encoded()
    {
        var pipeline = Create();
        Run(pipeline, 50);
        Assert.Null(pipeline.LiveView.Latest);
        Assert.Equal(0, _pool.Outstanding);
    }

    [Fact]
    public async Task The_first_request_after_idle_waits_for_the_next_frame_and_a_watched_camera_answers_at_once()
    {
        var pipeline = Create();
        Run(pipeline, 5);
        var first = pipeline.LiveView.RequestAsync(_time, CancellationToken.None);
        Assert.False(first.IsCompleted); // no frame yet: it waits rather than answering "none"
        Run(pipeline, 1);
        var frame = Assert.IsType<LiveFrame>(await first);
        Assert.Equal(_time.GetUtcNow(), frame.CapturedAt); // the very next frame, not a second later

        // Watched: one frame a second, and a request finds a fresh one without waiting.
        Run(pipeline, 5);
        var again = pipeline.LiveView.RequestAsync(_time, CancellationToken.None);
        Assert.True(again.IsCompletedSuccessfully);
        Assert.Equal(_time.GetUtcNow(), (await again)!.CapturedAt);
        Assert.Equal(0, _pool.Outstanding);
    }

    [Fact]
    public async Task The_lease_lapses_without_requests_and_a_later_request_does_not_get_the_stale_frame()
    {
        var pipeline = Create();
        var first = pipeline.LiveView.RequestAsync(_time, CancellationToken.None);
        Run(pipeline, 1);
        var old = (await first)!;

        Run(pipeline, 5 * 20); // 20 s without a request: the 15 s lease lapsed
        Assert.False(pipeline.LiveView.IsWatched(_time.GetUtcNow()));
        var last = pipeline.LiveView.Latest!;
        Assert.True(last.CapturedAt <= old.CapturedAt + TimeSpan.FromSeconds(15), $"made at {last.CapturedAt:T} after the lease ended");
        Run(pipeline, 5 * 10);
        Assert.Same(last, pipeline.LiveView.Latest); // nothing encoded while nobody watches

        var later = pipeline.LiveView.RequestAsync(_time, CancellationToken.None);
        Assert.False(later.IsCompleted); // the 20 s old frame is not served as the live view
        Run(pipeline, 1);
        Assert.Equal(_time.GetUtcNow(), (await later)!.CapturedAt);
    }

    [Fact]
    public async Task A_camera_without_frames_answers_after_the_wait_with_what_there_is()
    {
        var pipeline = Create(waitMs: 20);
        Assert.Null(await pipeline.LiveView.RequestAsync(_time, CancellationToken.None));

        await pipeline.LiveView.RequestAsync(_time, CancellationToken.None); // starts the lease (answers null after the wait)
        Run(pipeline, 1);
        var old = Assert.IsType<LiveFrame>(pipeline.LiveView.Latest);
        _time.Advance(TimeSpan.FromMinutes(1)); // the stream stalled: no frame comes
        Assert.Same(old, await pipeline.LiveView.RequestAsync(_time, CancellationToken.None));
    }

    [Fact]
    public async Task Stopping_answers_a_waiting_request()
    {
        var pipeline = Create();
        var waiting = pipeline.LiveView.RequestAsync(_time, CancellationToken.None);
        pipeline.Finish();
        Assert.Null(await waiting);
    }

    [Fact]
    public async Task Statistics_mode_answers_at_once_and_never_encodes()
    {
        var pipeline = Create(PrivacyMode.Statistics);
        var request = pipeline.LiveView.RequestAsync(_time, CancellationToken.None);
        Assert.True(request.IsCompletedSuccessfully);
        Assert.Null(await request);
        Run(pipeline, 10);
        Assert.Null(pipeline.LiveView.Latest);
    }
}

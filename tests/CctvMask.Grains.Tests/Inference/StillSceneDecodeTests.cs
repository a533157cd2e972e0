using CctvMask.Abstractions.Privacy;
using CctvMask.Grains.Cameras;
using CctvMask.Grains.Inference;
using CctvMask.Grains.Tests.Support;
using CctvMask.Grains.Tracking;
using CctvMask.Grains.Violations;
using Microsoft.Extensions.Logging.Abstractions;

namespace CctvMask.Grains.Tests.Inference;

/// <summary>A gated camera whose scene stays still has its ingest decode key frames only; any motion turns it back.</summary>
public sealed class StillSceneDecodeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 4, 11, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(false, 9.9, 10, false)]  // still, but not long enough
    [InlineData(false, 10, 10, true)]    // still for the whole delay
    [InlineData(true, 60, 10, false)]    // this frame moved
    [InlineData(false, 600, 0, false)]   // 0 = never
    public void Key_frames_only_after_the_scene_stayed_still_for_the_delay(bool moved, double stillSeconds, int after, bool keyFrames) =>
        Assert.Equal(keyFrames, MotionGate.DecodeKeyFramesOnly(moved, T0, T0.AddSeconds(stillSeconds), after));

    [Fact]
    public void The_feed_asks_the_source_once_per_change_and_motion_switches_back_at_once()
    {
        var source = new FakeFrameSource();
        var sink = new MemorySink();
        var pipeline = new CameraPipeline("cam", null, PrivacyMode.Evidence, new TrackerOptions(), new ViolationOptions(), new CameraOptions(),
            sink, sink, NullLogger.Instance);
        var feed = new CameraFeed(new CameraConfig("cam", "rtsp://h/x"), source, pipeline, new MotionThumbnails(4, 4));

        var now = T0;
        feed.ObserveMotion(moved: true, now, keyFramesAfterSeconds: 10); // the first frame counts as motion
        for (int i = 0; i < 60; i++) feed.ObserveMotion(moved: false, now = now.AddSeconds(0.2), 10); // 12 s still
        Assert.Equal([true], source.DecodeRequests);
        Assert.True(feed.KeyFramesOnly);

        feed.ObserveMotion(moved: false, now = now.AddSeconds(1), 10);
        feed.ObserveMotion(moved: true, now = now.AddSeconds(1), 10); // a key frame that moved
        Assert.Equal([true, false], source.DecodeRequests);
        for (int i = 0; i < 45; i++) feed.ObserveMotion(moved: false, now = now.AddSeconds(0.2), 10); // 9 s: not yet
        Assert.Equal([true, false], source.DecodeRequests);
        Assert.False(feed.KeyFramesOnly);
    }
}

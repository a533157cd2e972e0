using CctvMask.Testing;
using CctvMask.Video.Ffmpeg;
using CctvMask.Video.Frames;
using CctvMask.Video.Ingest;
using CctvMask.Video.Sources;
using CctvMask.Video.Tests.Support;

namespace CctvMask.Video.Tests.Ffmpeg;

[Collection(RealFfmpegCollection.Name)]
public sealed class FfmpegFrameSourceTests
{
    private static readonly string Crowd360 = TestEnvironment.Shared("videos", "crowd_640x360_10fps.mp4");

    [Fact]
    public async Task Reads_a_whole_file_at_the_detect_rate_as_exact_bgr_frames()
    {
        var source = new CameraSource("file-once", "file://" + Crowd360) { DetectFps = 5, Playback = FilePlayback.Once };
        await using var frames = await FfmpegFrameSource.OpenAsync(source, new IngestOptions());
        Assert.Equal(new FrameSize(640, 360), frames.FrameSize); // probed: native size
        Assert.True(PipeCapacity.Get(frames.Process.StandardOutput) >= frames.FrameSize.FrameBytes, "stdout pipe should hold a whole frame");

        var count = 0;
        long lastSequence = -1;
        var distinctMeans = new HashSet<int>();
        await foreach (var frame in frames.ReadFramesAsync())
        {
            using (frame)
            {
                Assert.Equal(640, frame.Width);
                Assert.Equal(360, frame.Height);
                Assert.Equal(640 * 3, frame.Stride);
                Assert.Equal(640 * 360 * 3, frame.Data.Length);
                Assert.Equal(lastSequence + 1, frame.Sequence);
                lastSequence = frame.Sequence;
                distinctMeans.Add(Mean(frame.Span));
                var view = frame.AsBgrFrame();
                Assert.Equal(frame.Width, view.Width);
                Assert.True(view.Span.SequenceEqual(frame.Span));
                count++;
            }
        }

        // 16 s clip at 5 fps.
        Assert.InRange(count, 78, 82);
        Assert.True(distinctMeans.Count >= 4, "frames should show the clip's different photos");
        Assert.Equal(0, frames.BufferPool.Outstanding);
        Assert.Equal(0, frames.Process.ExitCode);
    }

    [Fact]
    public async Task Scales_to_a_width_keeping_aspect_and_dispose_kills_ffmpeg()
    {
        var source = new CameraSource("file-scaled", Crowd360) { DetectFps = 5, AnalysisSize = AnalysisSize.FromWidth(320), Playback = FilePlayback.RealTimeLoop };
        var frames = await FfmpegFrameSource.OpenAsync(source, new IngestOptions());
        Assert.Equal(new FrameSize(320, 180), frames.FrameSize);
        for (var i = 0; i < 3; i++)
        {
            using var frame = await frames.ReadFrameAsync();
            Assert.NotNull(frame);
            Assert.Equal(320 * 180 * 3, frame.Span.Length);
        }
        var pid = frames.Process.ProcessId;
        Assert.False(frames.Process.HasExited); // a looping file never ends by itself

        await frames.DisposeAsync();
        await frames.DisposeAsync(); // idempotent
        Assert.False(Directory.Exists($"/proc/{pid}"), "ffmpeg must be killed and reaped (no zombie)");
        Assert.Empty(await ChildProcesses.WaitGoneAsync("ffmpeg", TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task A_dead_url_fails_fast_with_a_scrubbed_message()
    {
        var source = new CameraSource("dead", "rtsp://admin:topsecret@127.0.0.1:1/none") { AnalysisSize = AnalysisSize.Exact(64, 64) };
        await using var frames = await FfmpegFrameSource.OpenAsync(source, new IngestOptions { ReadTimeout = TimeSpan.FromSeconds(2) });
        var e = await Assert.ThrowsAsync<VideoSourceException>(async () =>
        {
            await foreach (var frame in frames.ReadFramesAsync()) frame.Dispose();
        });
        Assert.DoesNotContain("topsecret", e.Message);
        Assert.All(e.StderrTail, l => Assert.DoesNotContain("topsecret", l));
        Assert.Contains("Connection refused", e.Message);
        Assert.NotEqual(0, e.ExitCode);
        Assert.Equal("dead", e.CameraId);
    }

    [Fact]
    public async Task Probing_a_dead_url_fails_with_a_scrubbed_message()
    {
        var source = new CameraSource("dead-probe", "rtsp://admin:topsecret@127.0.0.1:1/none");
        var e = await Assert.ThrowsAsync<VideoSourceException>(() =>
            FfmpegFrameSource.OpenAsync(source, new IngestOptions { ReadTimeout = TimeSpan.FromSeconds(2) }));
        Assert.DoesNotContain("topsecret", e.Message);
        Assert.Contains("rtsp://admin:***@127.0.0.1:1/none", e.Message);
    }

    [Fact]
    public async Task A_file_that_is_not_a_video_is_a_clear_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cctvmask-not-video-{Guid.NewGuid():N}.mp4");
        await File.WriteAllTextAsync(path, "this is not a video");
        try
        {
            var e = await Assert.ThrowsAsync<VideoSourceException>(() =>
                FfmpegFrameSource.OpenAsync(new CameraSource("junk", path) { Playback = FilePlayback.Once }, new IngestOptions()));
            Assert.Contains(path, e.Message);
            Assert.Contains("Invalid data", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_missing_ffmpeg_binary_is_a_clear_error()
    {
        var source = new CameraSource("nobin", Crowd360) { AnalysisSize = AnalysisSize.Exact(64, 64) };
        var e = await Assert.ThrowsAsync<VideoSourceException>(() =>
            FfmpegFrameSource.OpenAsync(source, new IngestOptions { FfmpegPath = "/nonexistent/ffmpeg" }));
        Assert.Contains("/nonexistent/ffmpeg", e.Message);
    }

    private static int Mean(ReadOnlySpan<byte> pixels)
    {
        long sum = 0;
        for (var i = 0; i < pixels.Length; i += 97) sum += pixels[i];
        return (int)(sum / (pixels.Length / 97));
    }
}

using CctvMask.Video.Ffmpeg;
using CctvMask.Video.Tests.Support;
using Microsoft.Extensions.Logging;

namespace CctvMask.Video.Tests.Ffmpeg;

public sealed class FfmpegStderrLogTests
{
    [Fact]
    public void Keeps_only_the_last_lines_oldest_first()
    {
        var log = new FfmpegStderrLog("cam", tailLines: 5, linesPerMinute: 100, new ListLogger());
        for (var i = 0; i < 12; i++) log.Append($"line {i}");
        Assert.Equal(["line 7", "line 8", "line 9", "line 10", "line 11"], log.Tail());
        Assert.Equal("line 11", log.LastLine());
        Assert.Equal(12, log.TotalLines);
    }

    [Fact]
    public void Live_logging_is_rate_limited_per_minute_and_names_the_camera()
    {
        var logger = new ListLogger();
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var log = new FfmpegStderrLog("cam-7", tailLines: 50, linesPerMinute: 3, logger, clock);
        for (var i = 0; i < 10; i++) log.Append($"error {i}");
        var live = logger.Snapshot().Where(e => e.EventId.Name == "FfmpegStderr").ToList();
        Assert.Equal(3, live.Count);
        Assert.All(live, e => Assert.Equal("cam-7", e.Properties["CameraId"]));
        Assert.Equal(7, log.SuppressedLines);

        clock.Advance(TimeSpan.FromSeconds(61));
        log.Append("after a minute");
        var entries = logger.Snapshot();
        Assert.Contains(entries, e => e.EventId.Name == "FfmpegStderrSuppressed" && (int)e.Properties["Count"]! == 7);
        Assert.Equal(4, entries.Count(e => e.EventId.Name == "FfmpegStderr"));
    }

    [Fact]
    public void Lines_are_scrubbed_before_they_are_kept_or_logged()
    {
        var logger = new ListLogger();
        var log = new FfmpegStderrLog("cam", 10, 10, logger);
        log.Append("[rtsp @ 0x1] 401 Unauthorized for rtsp://admin:hunter2@10.0.0.9/live");
        log.LogTail("ffmpeg exited with code 1 (rtsp://admin:hunter2@10.0.0.9/live)");
        Assert.DoesNotContain("hunter2", log.Tail()[0]);
        Assert.All(logger.Snapshot(), e => Assert.DoesNotContain("hunter2", e.Message));
        Assert.Contains(logger.Snapshot(), e => e.EventId.Name == "FfmpegExited" && e.Level == LogLevel.Warning && e.Message.Contains("401 Unauthorized"));
    }

    [Fact]
    public void Blank_lines_are_ignored()
    {
        var log = new FfmpegStderrLog("cam", 10, 10, new ListLogger());
        log.Append(null);
        log.Append("   ");
        Assert.Empty(log.Tail());
        Assert.Null(log.LastLine());
    }
}

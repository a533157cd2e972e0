using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CctvMask.Testing;
using CctvMask.Video.Frames;
using CctvMask.Video.Ingest;
using CctvMask.Video.Sources;
using CctvMask.Video.Tests.Support;

namespace CctvMask.Video.Tests.Ingest;

[Collection(RealFfmpegCollection.Name)]
public sealed class CameraIngestTests
{
    private static readonly string Crowd360 = TestEnvironment.Shared("videos", "crowd_640x360_10fps.mp4");
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Streams_a_looping_file_like_a_camera()
    {
        var logger = new ListLogger();
        await using var ingest = new CameraIngest(
            new CameraSource("file-cam", "file://" + Crowd360) { DetectFps = 5, AnalysisSize = AnalysisSize.FromWidth(320) },
            new IngestOptions(), logger);
        ingest.Start();
        ingest.Start(); // idempotent

        var frames = await ReadAsync(ingest, 8);
        Assert.All(frames, f => Assert.Equal(new FrameSize(320, 180), f));
        var status = ingest.Status;
        Assert.Equal(CameraState.Streaming, status.State);
        Assert.True(status.FramesIn >= 8);
        Assert.Equal(new FrameSize(320, 180), status.FrameSize);
        Assert.All(logger.Snapshot().Where(e => e.Properties.ContainsKey("CameraId")), e => Assert.Equal("file-cam", e.Properties["CameraId"]));
    }

    [Fact]
    public async Task Streams_rtsp_at_the_configured_rate_and_stops_cleanly()
    {
        var rtsp = TestEnvironment.Require(TestEnvironment.RtspBase, "CCTVMASK_TEST_RTSP");
        var states = new ConcurrentQueue<CameraState>();
        var ingest = new CameraIngest(new CameraSource("rtsp-cam", $"{rtsp}/crowd360") { DetectFps = 5 }, new IngestOptions());
        ingest.StateChanged += s => states.Enqueue(s.State);
        ingest.Start();

        // ~7 s of stream: ffmpeg hands over the frames it buffered while probing in one burst at the
        // start, so the 5-s rate window must have moved past that burst.
        var frames = await ReadAsync(ingest, 35);
        Assert.All(frames, f => Assert.Equal(new FrameSize(640, 360), f));
        var status = ingest.Status;
        Assert.Equal(CameraState.Streaming, status.State);
        Assert.InRange(status.MeasuredFps, 2.5, 8.5); // configured 5 fps (the clip has 10); generous for a loaded machine
        Assert.Equal(0, status.Restarts);
        Assert.NotNull(status.LastFrameAt);
        Assert.Equal("rtsp-cam", status.CameraId);

        await ingest.DisposeAsync();
        await ingest.DisposeAsync(); // safe twice
        ingest.Dispose();
        Assert.Equal(CameraState.Stopped, ingest.Status.State);
        Assert.Empty(await ChildProcesses.WaitGoneAsync("ffmpeg", TimeSpan.FromSeconds(5)));
        Assert.Equal(0, ingest.Status.BuffersOutstanding);
        Assert.Contains(CameraState.Connecting, states);
        Assert.Contains(CameraState.Streaming, states);
        Assert.Throws<ObjectDisposedException>(ingest.Start);
    }

    [Fact]
    public async Task Switches_to_key_frames_only_and_back_while_staying_streaming_and_counting_no_restart()
    {
        var rtsp = TestEnvironment.Require(TestEnvironment.RtspBase, "CCTVMASK_TEST_RTSP");
        var logger = new ListLogger();
        // The clip's GOP is 2 s, as the operator would configure it: with the 1 s default a key frame 3 s late (a loaded
        // CI box) refuses key-frame decoding for good, which is the fallback, not what this test is about.
        var options = new IngestOptions { KeyFrameInterval = TimeSpan.FromSeconds(2) };
        await using var ingest = new CameraIngest(new CameraSource("kf-cam", $"{rtsp}/crowd360") { DetectFps = 5 }, options, logger);
        ingest.Start();
        await ReadAsync(ingest, 3);
        var states = new ConcurrentQueue<CameraState>();
        ingest.StateChanged += s => states.Enqueue(s.State);

        ingest.DecodeKeyFramesOnly(true);
        await UntilAsync(() => ingest.DecodesKeyFramesOnly, "key-frame session");
        long before = ingest.Status.FramesIn;
        // The clip has a key frame every 2 s: frames keep coming, and the watchdog does not call them late.
        await IngestWait.UntilAsync(ingest, s => s.FramesIn >= before + 3, Bound, "key frames");
        Assert.True(ingest.DecodesKeyFramesOnly);

        ingest.DecodeKeyFramesOnly(false);
        await UntilAsync(() => !ingest.DecodesKeyFramesOnly, "full session");
        before = ingest.Status.FramesIn;
        await IngestWait.UntilAsync(ingest, s => s.FramesIn >= before + 10, Bound, "every frame again");

        var status = ingest.Status;
        Assert.Equal(0, status.Restarts);
        Assert.Equal(CameraState.Streaming, status.State);
        Assert.DoesNotContain(CameraState.Connecting, states); // a mode switch is not a reconnect to the status
        Assert.Equal(2, logger.Snapshot().Count(e => e.EventId.Id == 1900));
    }

    [Fact]
    public async Task A_file_source_ignores_key_frame_requests()
    {
        await using var ingest = new CameraIngest(new CameraSource("file-kf", "file://" + Crowd360) { DetectFps = 5 }, new IngestOptions());
        ingest.Start();
        await ReadAsync(ingest, 2);
        ingest.DecodeKeyFramesOnly(true); // a restart would start the file over
        await ReadAsync(ingest, 5);
        Assert.False(ingest.DecodesKeyFramesOnly);
        Assert.Equal(0, ingest.Status.Restarts);
    }

    private static async Task UntilAsync(Func<bool> condition, string what)
    {
        using var cts = new CancellationTokenSource(Bound);
        while (!condition())
        {
            try { await Task.Delay(50, cts.Token); }
            catch (OperationCanceledException) { Assert.Fail($"timed out waiting for {what}"); }
        }
    }

    [Fact]
    public async Task A_dead_url_backs_off_with_growing_delays_and_counts_restarts()
    {
        var options = new IngestOptions
        {
            BackoffBase = TimeSpan.FromMilliseconds(50),
            BackoffCap = TimeSpan.FromMilliseconds(400),
            ReadTimeout = TimeSpan.FromSeconds(2),
        };
        var logger = new ListLogger();
        var states = new ConcurrentQueue<CameraState>();
        await using var ingest = new CameraIngest(
            new CameraSource("dead-cam", "rtsp://admin:topsecret@127.0.0.1:1/none") { AnalysisSize = AnalysisSize.Exact(64, 64) }, options, logger);
        ingest.StateChanged += s => states.Enqueue(s.State);
        ingest.Start();

        var status = await IngestWait.UntilAsync(ingest, s => s.Restarts >= 5 && s.State == CameraState.Backoff, Bound, "5 failed attempts");
        Assert.Equal(0, status.FramesIn);
        Assert.Contains("Connection refused", status.Reason);
        Assert.NotNull(status.NextAttemptAt);
        Assert.DoesNotContain("topsecret", status.Reason + status.Url);
        Assert.DoesNotContain(CameraState.Streaming, states);

        var backoffs = logger.Snapshot().Where(e => e.EventId.Name == "IngestBackoff").ToList();
        Assert.True(backoffs.Count >= 4);
        Assert.Equal(Enumerable.Range(1, backoffs.Count), backoffs.Select(e => (int)e.Properties["Attempt"]!));
        Assert.All(backoffs, e => Assert.InRange((TimeSpan)e.Properties["Delay"]!, TimeSpan.Zero, options.BackoffCap));
        Assert.All(logger.Snapshot(), e => Assert.DoesNotContain("topsecret", e.Message));

        await ingest.StopAsync().WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(CameraState.Stopped, ingest.Status.State);
        Assert.True(ingest.Frames.Completion.IsCompleted);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_flapping_stream_exhausts_the_restart_budget_and_cools_down()
    {
        // A stand-in for ffmpeg that delivers one 64x64 frame and dies, like a camera that accepts
        // the connection and drops it at once: every session "streams", so restarts are immediate.
        var fake = Path.Combine(Path.GetTempPath(), $"cctvmask-flapping-ffmpeg-{Guid.NewGuid():N}.sh");
        await File.WriteAllTextAsync(fake, "#!/bin/sh\nhead -c 12288 /dev/zero\necho 'simulated failure' >&2\nexit 1\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        try
        {
            var options = new IngestOptions { FfmpegPath = fake, RestartBudget = 3, BudgetCooldown = TimeSpan.FromMinutes(5) };
            await using var ingest = new CameraIngest(
                new CameraSource("flapping", "rtsp://127.0.0.1:1/x") { AnalysisSize = AnalysisSize.Exact(64, 64) }, options);
            var consumer = DrainAsync(ingest);
            ingest.Start();

            var status = await IngestWait.UntilAsync(ingest,
                s => s.Reason?.StartsWith("restart budget exhausted", StringComparison.Ordinal) == true, Bound, "the restart budget to run out");
            Assert.Equal(CameraState.Backoff, status.State);
            Assert.Equal(4, status.Restarts); // 3 within the budget; the 4th waits the cooldown
            Assert.Equal(4, status.FramesIn);
            Assert.Contains("simulated failure", status.Reason);
            Assert.True(status.NextAttemptAt > DateTimeOffset.UtcNow + TimeSpan.FromMinutes(4));

            await ingest.StopAsync().WaitAsync(TimeSpan.FromSeconds(15)); // no hang during the cooldown
            await consumer;
            Assert.Equal(CameraState.Stopped, ingest.Status.State);
        }
        finally
        {
            File.Delete(fake);
        }
    }

    [Fact]
    public async Task A_slow_consumer_gets_the_newest_frame_and_drops_are_counted_with_bounded_buffers()
    {
        var options = new IngestOptions();
        var arrived = 0;
        var measured = new ConcurrentDictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == IngestMetrics.MeterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag is { Key: "camera.id", Value: "slow" }) measured.AddOrUpdate(instrument.Name, value, (_, v) => v + value);
        });
        listener.Start();
        await using var ingest = new CameraIngest(
            new CameraSource("slow", Crowd360) { DetectFps = null, Playback = FilePlayback.Once }, options, metrics: new IngestMetrics());
        ingest.FrameArrived += () => Interlocked.Increment(ref arrived);
        ingest.Start();

        var consumed = 0;
        var maxOutstanding = 0;
        long lastSequence = -1;
        await foreach (var frame in ingest.Frames.ReadAllAsync())
        {
            using (frame)
            {
                consumed++;
                Assert.True(frame.Sequence > lastSequence, "frames come newest-last, never out of order");
                lastSequence = frame.Sequence;
                maxOutstanding = Math.Max(maxOutstanding, ingest.Status.BuffersOutstanding);
                await Task.Delay(60); // far slower than decoding
            }
        }
        await ingest.Completion;

        var status = ingest.Status;
        Assert.Equal(CameraState.Stopped, status.State);
        Assert.Equal("end of stream", status.Reason);
        Assert.InRange(status.FramesIn, 155, 165); // 16 s at 10 fps, every frame decoded
        Assert.True(status.FramesDropped > 0, "a slow consumer must cause drops");
        Assert.Equal(status.FramesIn, consumed + status.FramesDropped);
        // The one slot + the frame being read from ffmpeg + the one the consumer holds.
        Assert.InRange(maxOutstanding, 1, 3);
        Assert.Equal(status.FramesIn, Volatile.Read(ref arrived));
        Assert.Equal(0, status.BuffersOutstanding);
        Assert.Equal(0, status.Restarts);
        Assert.Equal(status.FramesIn, measured["cctvmask.camera.frames.decoded"]);
        Assert.Equal(status.FramesDropped, measured["cctvmask.camera.frames.dropped"]);
    }

    [Fact]
    public async Task Recovers_when_the_camera_server_goes_away_and_comes_back()
    {
        using var simulator = new RtspSimulatorProcess("cam", Crowd360);
        await simulator.StartAsync(TimeSpan.FromSeconds(90));
        var options = new IngestOptions
        {
            StallTimeout = TimeSpan.FromSeconds(2),
            FirstFrameTimeout = TimeSpan.FromSeconds(10),
            WatchdogInterval = TimeSpan.FromMilliseconds(200),
            ReadTimeout = TimeSpan.FromSeconds(2),
            BackoffBase = TimeSpan.FromMilliseconds(200),
            BackoffCap = TimeSpan.FromSeconds(1),
        };
        var states = new ConcurrentQueue<CameraState>();
        await using var ingest = new CameraIngest(
            new CameraSource("flaky", simulator.Url) { DetectFps = 5, AnalysisSize = AnalysisSize.Exact(320, 180) }, options);
        ingest.StateChanged += s => states.Enqueue(s.State);
        var consumer = DrainAsync(ingest);
        ingest.Start();

        await IngestWait.UntilAsync(ingest, s => s.State == CameraState.Streaming, Bound, "first streaming");
        simulator.Stop();
        var down = await IngestWait.UntilAsync(ingest, s => s.State is CameraState.Stalled or CameraState.Backoff, Bound, "stalled/backoff");
        Assert.NotNull(down.Reason);

        var framesBefore = ingest.Status.FramesIn;
        await simulator.StartAsync(TimeSpan.FromSeconds(60));
        var back = await IngestWait.UntilAsync(ingest, s => s.State == CameraState.Streaming && s.FramesIn > framesBefore, Bound, "streaming again");
        Assert.True(back.Restarts >= 1);
        Assert.Null(back.Reason);
        Assert.Contains(states, s => s is CameraState.Stalled or CameraState.Backoff);

        await ingest.StopAsync();
        await consumer;
        Assert.Empty(await ChildProcesses.WaitGoneAsync("ffmpeg", TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Streams_http_mjpeg()
    {
        // ffmpeg itself serves the clip as multipart MJPEG over HTTP (one client), like an IP camera's /video.mjpg.
        var port = FreePort();
        var server = new System.Diagnostics.ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-nostdin", "-hide_banner", "-loglevel", "error", "-re", "-stream_loop", "-1", "-i", Crowd360,
                     "-an", "-c:v", "mjpeg", "-q:v", "5", "-f", "mpjpeg", "-listen", "1", $"http://127.0.0.1:{port}/video.mjpg" })
            server.ArgumentList.Add(a);
        using var process = System.Diagnostics.Process.Start(server)!;
        try
        {
            var options = new IngestOptions { BackoffBase = TimeSpan.FromMilliseconds(100), BackoffCap = TimeSpan.FromMilliseconds(500) };
            await using var ingest = new CameraIngest(
                new CameraSource("mjpeg", $"http://127.0.0.1:{port}/video.mjpg") { DetectFps = 5, AnalysisSize = AnalysisSize.Exact(320, 180) }, options);
            ingest.Start(); // the first attempts may be refused until the server listens: ingest retries

            var frames = await ReadAsync(ingest, 5);
            Assert.All(frames, f => Assert.Equal(new FrameSize(320, 180), f));
            Assert.Equal(CameraState.Streaming, ingest.Status.State);
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Stop_before_start_and_double_dispose_are_safe()
    {
        var ingest = new CameraIngest(new CameraSource("idle", "rtsp://127.0.0.1:1/x"), new IngestOptions());
        await ingest.StopAsync();
        Assert.Equal(CameraState.Stopped, ingest.Status.State);
        Assert.True(ingest.Frames.Completion.IsCompleted);
        ingest.Dispose();
        await ingest.DisposeAsync();
    }

    [Fact]
    public void Bad_configuration_fails_at_construction()
    {
        Assert.Throws<ArgumentException>(() => new CameraIngest(new CameraSource("bad id!", "rtsp://h/x"), new IngestOptions()));
        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            new CameraIngest(new CameraSource("ok", "rtsp://h/x"), new IngestOptions { RestartBudget = -1 }));
    }

    private static async Task<List<FrameSize>> ReadAsync(CameraIngest ingest, int count)
    {
        using var cts = new CancellationTokenSource(Bound);
        var sizes = new List<FrameSize>();
        await foreach (var frame in ingest.Frames.ReadAllAsync(cts.Token))
        {
            using (frame)
            {
                Assert.Equal(frame.Size.FrameBytes, frame.Span.Length);
                sizes.Add(frame.Size);
            }
            if (sizes.Count == count) break;
        }
        return sizes;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task DrainAsync(CameraIngest ingest) => Task.Run(async () =>
    {
        await foreach (var frame in ingest.Frames.ReadAllAsync()) frame.Dispose();
    });
}

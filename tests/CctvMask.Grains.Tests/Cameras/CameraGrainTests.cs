using CctvMask.Grains.Compliance;
using CctvMask.Grains.Cameras;
using CctvMask.Grains.Tests.Support;

namespace CctvMask.Grains.Tests.Cameras;

/// <summary>Camera grain lifecycle in an in-process cluster: real ffmpeg ingest of a file, a model-free detector.</summary>
public sealed class CameraGrainTests
{
    [Fact]
    public async Task Start_streams_status_then_stop_flushes_counts_and_reports_stopped()
    {
        await using var h = await ClusterHarness.StartAsync(_ => new FixedFaceDetector());
        var config = new CameraConfig("lobby", Videos.Crowd360, DetectFps: 5);
        var grain = h.Camera("lobby");

        Assert.Equal(CameraState.Stopped, (await grain.GetStatusAsync()).State);
        await grain.StartAsync(config);
        // The fixed face stays where it is while the clip's photos change under it: each change of photo is a scene cut
        // and the face after it a new person (CameraPipeline.SceneCut), tentative for a frame or two.
        var running = await h.WaitForStatusAsync("lobby", s => s.State == CameraState.Running && s.FramesAnalyzed >= 5 && s.Violations >= 1
            && s.PeopleInView == 1);
        Assert.NotNull(running.Silo);
        Assert.Equal(config, await grain.GetConfigAsync());

        // The live view: silo-local registry and, across the wire, the grain. Nobody watched before: the first
        // request starts the viewer lease and gets the next frame made.
        Assert.True(h.SiloService<CameraWorkerRegistry>().TryRequestLiveFrame("lobby", CancellationToken.None, out var request));
        var live = await request;
        Assert.NotNull(live);
        Assert.Equal((640, 360), (live.Width, live.Height));
        Assert.NotEmpty(live.Jpeg);
        Assert.NotNull(await grain.GetLiveFrameAsync());

        var violation = h.Sink.Violations.First();
        Assert.All(h.Sink.Violations, v => Assert.Equal("lobby", v.CameraId));
        Assert.Equal("lobby", violation.CameraId);
        Assert.NotEmpty(violation.FaceJpeg);
        Assert.NotEmpty(violation.SnapshotJpeg);

        await grain.StopAsync();
        var stopped = await grain.GetStatusAsync();
        Assert.Equal(CameraState.Stopped, stopped.State);
        Assert.True(stopped.FramesAnalyzed >= running.FramesAnalyzed);
        Assert.False(h.SiloService<CameraWorkerRegistry>().TryRequestLiveFrame("lobby", CancellationToken.None, out _));
        // The partial minute is flushed at stop: everyone counted is unmasked (one person per photo shown).
        Assert.Contains(h.Sink.Deltas, d => d.CameraId == "lobby" && d.Period == CountPeriod.Minute && d.People >= 1 && d.Unmasked == d.People);
    }

    [Fact]
    public async Task EnsureRunning_is_idempotent_restarts_on_a_config_change_and_stops_when_disabled()
    {
        await using var h = await ClusterHarness.StartAsync(_ => new FixedFaceDetector());
        var grain = h.Camera("gate");
        var config = new CameraConfig("gate", Videos.Crowd360, DetectFps: 5);
        await grain.EnsureRunningAsync(config);
        var first = await h.WaitForStatusAsync("gate", s => s.FramesAnalyzed >= 2);

        await grain.EnsureRunningAsync(config);
        Assert.Equal(first.StartedAt, (await grain.GetStatusAsync()).StartedAt);

        await grain.UpdateConfigAsync(config with { DetectFps = 4 });
        var restarted = await grain.GetStatusAsync();
        Assert.NotEqual(first.StartedAt, restarted.StartedAt);
        Assert.Equal(4, (await grain.GetConfigAsync())!.DetectFps);

        await grain.EnsureRunningAsync(config with { Enabled = false });
        Assert.Equal(CameraState.Stopped, (await grain.GetStatusAsync()).State);
    }

    [Fact]
    public async Task Invalid_configurations_fail_the_call_clearly()
    {
        await using var h = await ClusterHarness.StartAsync(_ => new FixedFaceDetector());
        var grain = h.Camera("cam-a");
        var wrongId = await Assert.ThrowsAsync<ArgumentException>(() => grain.StartAsync(new CameraConfig("cam-b", Videos.Crowd360)));
        Assert.Contains("cam-b", wrongId.Message);
        var scheme = await Assert.ThrowsAsync<ArgumentException>(() => grain.StartAsync(new CameraConfig("cam-a", "gopher://x/y")));
        Assert.Contains("gopher", scheme.Message);
        var size = await Assert.ThrowsAsync<ArgumentException>(() => grain.StartAsync(new CameraConfig("cam-a", Videos.Crowd360, AnalysisWidth: 0, AnalysisHeight: 200)));
        Assert.Contains("0x200", size.Message);
        // The camera is enabled but cannot start: its status says so, with the last reason.
        var status = await grain.GetStatusAsync();
        Assert.Equal(CameraState.Failed, status.State);
        Assert.Contains("0x200", status.LastError);
        await grain.StopAsync();
        Assert.Equal(CameraState.Stopped, (await grain.GetStatusAsync()).State);
        Assert.Null((await grain.GetStatusAsync()).LastError);
    }

    [Fact]
    public async Task A_camera_whose_file_is_missing_shows_failed_with_the_reason_and_starts_once_the_file_is_back()
    {
        await using var h = await ClusterHarness.StartAsync(_ => new FixedFaceDetector());
        var folder = Directory.CreateTempSubdirectory("cctvmask-missing-");
        try
        {
            var path = Path.Combine(folder.FullName, "clip.mp4");
            var grain = h.Camera("gone");
            var config = new CameraConfig("gone", path, DetectFps: 5);
            await Assert.ThrowsAsync<ArgumentException>(() => grain.EnsureRunningAsync(config));
            var failed = await grain.GetStatusAsync();
            Assert.Equal(CameraState.Failed, failed.State);
            Assert.Contains("not found", failed.LastError);

            File.Copy(Videos.Crowd360, path);
            await grain.EnsureRunningAsync(config);
            var running = await h.WaitForStatusAsync("gone", s => s.State == CameraState.Running && s.FramesAnalyzed >= 1);
            Assert.Null(running.LastError);
            await grain.StopAsync();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_missing_model_fails_start_with_its_path_while_status_still_answers()
    {
        await using var h = await ClusterHarness.StartAsync(null, new Dictionary<string, string?>
        {
            ["Vision:Detector:Detector:ModelPath"] = "/nonexistent/yunet_n_dynamic.onnx",
            ["Vision:Detector:Classifier:ModelPath"] = "/nonexistent/mask_classifier.onnx",
        });
        var grain = h.Camera("no-model");
        var ex = await Assert.ThrowsAsync<CameraStartException>(() => grain.StartAsync(new CameraConfig("no-model", Videos.Crowd360)));
        Assert.Contains("/nonexistent/", ex.Message);
        Assert.Contains("no-model", ex.Message);
        var status = await grain.GetStatusAsync();
        Assert.Equal(CameraState.Failed, status.State);
        Assert.Contains("/nonexistent/", status.LastError);
        await grain.StopAsync();
    }
}

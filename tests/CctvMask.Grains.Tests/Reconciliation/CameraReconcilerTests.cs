using CctvMask.Grains.Cameras;
using CctvMask.Grains.Tests.Support;

namespace CctvMask.Grains.Tests.Reconciliation;

public sealed class CameraReconcilerTests
{
    [Fact]
    public async Task Cameras_added_to_the_catalog_start_and_removed_ones_stop()
    {
        await using var h = await ClusterHarness.StartAsync(_ => new FixedFaceDetector(), new Dictionary<string, string?>
        {
            ["Cctv:Reconciler:Enabled"] = "true",
            ["Cctv:Reconciler:IntervalSeconds"] = "0.2",
            ["Cctv:Reconciler:InitialDelaySeconds"] = "0",
        });
        var a = new CameraConfig("cam-a", Videos.Crowd360, DetectFps: 2);
        var b = new CameraConfig("cam-b", Videos.Crowd360, DetectFps: 2);

        h.Catalog.Set(a, b);
        await h.WaitForStatusAsync("cam-a", s => s.State == CameraState.Running);
        await h.WaitForStatusAsync("cam-b", s => s.State == CameraState.Running);

        // A configuration change in the database reaches the running camera.
        h.Catalog.Set(a with { DetectFps = 3 }, b);
        await h.WaitForStatusAsync("cam-a", _ => true);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await h.Camera("cam-a").GetConfigAsync())!.DetectFps != 3 && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Equal(3, (await h.Camera("cam-a").GetConfigAsync())!.DetectFps);

        h.Catalog.Set(b);
        await h.WaitForStatusAsync("cam-a", s => s.State == CameraState.Stopped);
        Assert.Equal(CameraState.Running, (await h.Camera("cam-b").GetStatusAsync()).State);
        // The grain reports "stopped" a moment before its worker leaves the registry: wait for that, bounded.
        var registry = h.SiloService<CameraWorkerRegistry>();
        deadline = DateTime.UtcNow.AddSeconds(30);
        while (registry.CameraIds.Count() != 1 && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Equal(["cam-b"], registry.CameraIds.ToArray());
    }

    [Fact]
    public async Task A_camera_whose_silo_stops_runs_again_on_the_surviving_silo()
    {
        await using var h = await ClusterHarness.StartAsync(_ => new FixedFaceDetector(), new Dictionary<string, string?>
        {
            ["Cctv:Reconciler:Enabled"] = "true",
            ["Cctv:Reconciler:IntervalSeconds"] = "0.5",
            ["Cctv:Reconciler:InitialDelaySeconds"] = "0",
        }, silos: 2);
        h.Catalog.Set(new CameraConfig("door", Videos.Crowd360, DetectFps: 2));
        var before = await h.WaitForStatusAsync("door", s => s.State == CameraState.Running && s.FramesAnalyzed > 0, TimeSpan.FromSeconds(60));

        await h.StopSiloAsync(before.Silo!);

        var after = await h.WaitForStatusAsync("door", s => s.State == CameraState.Running && s.Silo is not null && s.Silo != before.Silo,
            TimeSpan.FromSeconds(90));
        Assert.NotEqual(before.Silo, after.Silo);
    }
}

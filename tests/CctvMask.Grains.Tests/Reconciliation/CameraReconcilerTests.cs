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
        Assert.Equal(["cam-b"], h.SiloService<CameraWorkerRegistry>().CameraIds.ToArray());
    }
}

using System.Diagnostics.Metrics;
using CctvMask.Grains.Cameras;
using CctvMask.Grains.Tests.Support;
using CctvMask.Testing;

namespace CctvMask.Grains.Tests.Cameras;

/// <summary>
/// End to end in an in-process cluster: the RTSP simulator's crowd stream → real ffmpeg ingest →
/// the silo's batcher over the real two-phase detector (built by AddCctvGrains from configuration)
/// → tracker, counters, violations → in-memory store.
/// </summary>
public sealed class CameraGrainRtspTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task Camera_on_the_rtsp_simulator_streams_status_with_real_detections_then_stops()
    {
        var rtsp = TestEnvironment.Require(TestEnvironment.RtspBase, "CCTVMASK_TEST_RTSP");
        var options = RealModels.Options();
        output.WriteLine($"classifier: {RealModels.Classifier()}");
        await using var h = await ClusterHarness.StartAsync(null, new Dictionary<string, string?>
        {
            ["Vision:Detector:Detector:ModelPath"] = options.Detector.ModelPath,
            ["Vision:Detector:Detector:InputSizePolicy"] = options.Detector.InputSizePolicy.ToString(),
            ["Vision:Detector:Classifier:ModelPath"] = options.Classifier.ModelPath,
        });
        using var metrics = new MetricCapture(h.SiloService<IMeterFactory>());

        var grain = h.Camera("crowd");
        await grain.StartAsync(new CameraConfig("crowd", $"{rtsp}/crowd360", DetectFps: 5));
        var running = await h.WaitForStatusAsync("crowd", s => s.State == CameraState.Running && s.FramesAnalyzed >= 20, TimeSpan.FromSeconds(60));
        output.WriteLine($"running: {running}");
        Assert.True(running.FacesDetected > 0);
        Assert.True(running.PeopleThisMinute > 0 || running.LastMinutePeople > 0);
        Assert.True(h.SiloService<CameraWorkerRegistry>().TryRequestLiveFrame("crowd", CancellationToken.None, out var request));
        var live = await request;
        Assert.NotNull(live);
        Assert.Equal((640, 360), (live.Width, live.Height));

        await grain.StopAsync();
        var stopped = await grain.GetStatusAsync();
        Assert.Equal(CameraState.Stopped, stopped.State);
        var people = h.Sink.Deltas.Where(d => d.CameraId == "crowd").Sum(d => d.People);
        Assert.True(people > 0, "no people counted");

        var latency = metrics.Values("cctvmask.pipeline.latency");
        var inference = metrics.Values("cctvmask.inference.duration");
        Assert.NotEmpty(latency);
        Assert.NotEmpty(inference);
        output.WriteLine($"frames analysed {stopped.FramesAnalyzed}, dropped {stopped.FramesDropped}, faces {stopped.FacesDetected}, " +
                         $"people counted {people}, violations {h.Sink.Violations.Count}");
        output.WriteLine($"pipeline latency p50 {Percentile(latency, 0.5) * 1000:F0} ms, p95 {Percentile(latency, 0.95) * 1000:F0} ms; " +
                         $"inference p50 {Percentile(inference, 0.5) * 1000:F0} ms over {inference.Length} batches, " +
                         $"mean batch {metrics.Values("cctvmask.inference.batch.size").Average():F2}");
    }

    private static double Percentile(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(p * sorted.Length))];
    }
}

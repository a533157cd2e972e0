using System.Diagnostics.Metrics;
using CctvMask.Grains.Cameras;

namespace CctvMask.Server.Telemetry;

/// <summary>
/// Per-camera gauges (Meter "CctvMask.Cameras", tag camera.id) read from the cameras running on
/// this silo at scrape time: analysis fps, frames analysed/dropped, ingest restarts, state.
/// </summary>
public sealed class CameraFleetMetrics
{
    public const string MeterName = "CctvMask.Cameras";

    public CameraFleetMetrics(IMeterFactory meterFactory, CameraWorkerRegistry workers)
    {
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableGauge("cctvmask.camera.fps", () => Read(workers, s => s.AnalysisFps), "{frame}/s", "Frames analysed per second");
        meter.CreateObservableGauge("cctvmask.camera.frames.analyzed", () => Read(workers, s => s.FramesAnalyzed), "{frame}", "Frames analysed by the current worker");
        meter.CreateObservableGauge("cctvmask.camera.frames.dropped", () => Read(workers, s => s.FramesDropped), "{frame}", "Frames dropped (ingest or inference queue full)");
        meter.CreateObservableGauge("cctvmask.camera.restarts", () => Read(workers, s => s.IngestRestarts), "{restart}", "Ingest restarts of the current worker");
        meter.CreateObservableGauge("cctvmask.camera.state", () => Read(workers, s => (int)s.State), null, "0 stopped, 1 starting, 2 running, 3 reconnecting, 4 failed");
    }

    private static IEnumerable<Measurement<double>> Read(CameraWorkerRegistry workers, Func<CameraStatus, double> value)
    {
        foreach (var id in workers.CameraIds)
            if (workers.TryGetStatus(id, out var status))
                yield return new Measurement<double>(value(status), new KeyValuePair<string, object?>("camera.id", id));
    }
}

using System.Diagnostics.Metrics;

namespace CctvMask.Video.Ingest;

/// <summary>
/// Instruments of camera ingest (Meter <c>CctvMask.Video</c>), one per process; every measurement
/// carries the <c>camera.id</c> tag. Pass it to <see cref="CameraIngest"/>; register it as a singleton.
/// </summary>
public sealed class IngestMetrics
{
    /// <summary>Meter name (matched by the server's <c>CctvMask.*</c> OpenTelemetry meter list).</summary>
    public const string MeterName = "CctvMask.Video";

    private readonly Counter<long> _frames;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _restarts;

    public IngestMetrics(IMeterFactory? meterFactory = null)
    {
        var meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _frames = meter.CreateCounter<long>("cctvmask.camera.frames.decoded", "{frame}", "Frames read from ffmpeg at the detect rate.");
        _dropped = meter.CreateCounter<long>("cctvmask.camera.frames.dropped", "{frame}", "Frames dropped because the consumer was behind.");
        _restarts = meter.CreateCounter<long>("cctvmask.camera.restarts", "{restart}", "ffmpeg restarts and reconnect attempts.");
    }

    // Each camera's series start at 0, so rate() and increase() see the first frame, drop or restart too.
    internal void CameraStarted(string cameraId)
    {
        var tag = Tag(cameraId);
        _frames.Add(0, tag);
        _dropped.Add(0, tag);
        _restarts.Add(0, tag);
    }

    internal void FrameDecoded(string cameraId) => _frames.Add(1, Tag(cameraId));

    internal void FrameDropped(string cameraId) => _dropped.Add(1, Tag(cameraId));

    internal void Restarted(string cameraId) => _restarts.Add(1, Tag(cameraId));

    private static KeyValuePair<string, object?> Tag(string cameraId) => new("camera.id", cameraId);
}

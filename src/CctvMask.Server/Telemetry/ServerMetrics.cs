using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CctvMask.Server.Telemetry;

/// <summary>The server's own instruments (Meter "CctvMask.Server"); pipelines add their own meters.</summary>
public sealed class ServerMetrics
{
    public const string MeterName = "CctvMask.Server";

    private readonly Counter<long> _detectRequests;
    private readonly Histogram<double> _detectDuration;
    private readonly long _started = Stopwatch.GetTimestamp();

    public ServerMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _detectRequests = meter.CreateCounter<long>("cctvmask.server.detect.requests", "{request}", "POST /api/detect calls by outcome");
        _detectDuration = meter.CreateHistogram<double>("cctvmask.server.detect.duration", "s", "Decode + two-phase detection time of /api/detect");
        meter.CreateObservableGauge("cctvmask.server.uptime", () => Stopwatch.GetElapsedTime(_started).TotalSeconds, "s", "Seconds since the server started");
    }

    public void DetectDone(string outcome, TimeSpan elapsed)
    {
        _detectRequests.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        _detectDuration.Record(elapsed.TotalSeconds);
    }
}

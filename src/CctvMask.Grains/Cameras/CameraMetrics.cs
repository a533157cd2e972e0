using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CctvMask.Grains.Compliance;
using CctvMask.Grains.Tracking;

namespace CctvMask.Grains.Cameras;

/// <summary>
/// What the cameras running on this silo see (Meter <c>CctvMask.Cameras</c>; every series carries the camera id
/// as the tag <c>camera.id</c>, never its URL): people counted once each when their track ends, by final verdict;
/// violations raised; compliance over the last 5 minutes and hour of closed minute buckets; each camera's state.
/// </summary>
public sealed class CameraMetrics
{
    /// <summary>Meter name (matched by the server's <c>CctvMask.*</c> OpenTelemetry meter list).</summary>
    public const string MeterName = "CctvMask.Cameras";

    /// <summary>The compliance windows and their <c>window</c> tag values.</summary>
    public static readonly IReadOnlyList<(string Tag, TimeSpan Length)> ComplianceWindows =
        [("5m", TimeSpan.FromMinutes(5)), ("1h", TimeSpan.FromHours(1))];

    private static readonly string[] Verdicts = ["masked", "unmasked", "unknown", "incorrect"];
    private static readonly CameraState[] States = Enum.GetValues<CameraState>();
    private static readonly TimeSpan LongestWindow = ComplianceWindows.Max(w => w.Length);

    private readonly Counter<long> _people;
    private readonly Counter<long> _violations;
    private readonly Counter<long> _sceneCuts;
    private readonly ConcurrentDictionary<string, ComplianceWindow> _compliance = new(StringComparer.Ordinal);
    private readonly CameraWorkerRegistry _workers;
    private readonly TimeProvider _time;

    /// <summary>Creates the instruments on a meter from the factory.</summary>
    public CameraMetrics(IMeterFactory meterFactory, CameraWorkerRegistry workers, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _workers = workers;
        _time = time;
        var meter = meterFactory.Create(MeterName);
        _people = meter.CreateCounter<long>("cctvmask.people", "{person}",
            "People counted once each when their track ends, by final verdict (masked, unmasked, unknown).");
        _violations = meter.CreateCounter<long>("cctvmask.violations", "{violation}", "Violations raised (unmasked people, once per cooldown).");
        _sceneCuts = meter.CreateCounter<long>("cctvmask.scene_cuts", "{cut}",
            "Scene cuts: the view was replaced (PTZ preset, sequencer switch) and every track of the camera ended.");
        meter.CreateObservableGauge("cctvmask.compliance.ratio", ObserveCompliance, "1",
            "Masked ÷ (masked + unmasked) people over the window (5m, 1h) of closed minute buckets; absent when nobody was assessable.");
        meter.CreateObservableGauge("cctvmask.camera.state", ObserveStates, null,
            "1 for the camera's current state (stopped, starting, running, reconnecting, failed), 0 for the others.");
    }

    /// <summary>A camera's pipeline starts: its counters start at 0, so rate() and increase() see the first person and violation.</summary>
    internal void CameraStarted(string cameraId)
    {
        var camera = new KeyValuePair<string, object?>("camera.id", cameraId);
        foreach (var verdict in Verdicts) _people.Add(0, camera, new KeyValuePair<string, object?>("verdict", verdict));
        _violations.Add(0, camera);
        _sceneCuts.Add(0, camera);
    }

    /// <summary>A track ended: counts its person when the track was confirmed.</summary>
    internal void TrackEnded(string cameraId, FaceTrack track)
    {
        if (!track.IsConfirmed) return;
        var verdict = track.Verdict switch
        {
            MaskVerdict.Masked => Verdicts[0],
            MaskVerdict.Unmasked => Verdicts[1],
            MaskVerdict.Incorrect => Verdicts[3],
            _ => Verdicts[2],
        };
        _people.Add(1, new KeyValuePair<string, object?>("camera.id", cameraId), new KeyValuePair<string, object?>("verdict", verdict));
    }

    internal void SceneCut(string cameraId) => _sceneCuts.Add(1, new KeyValuePair<string, object?>("camera.id", cameraId));

    internal void ViolationRaised(string cameraId) => _violations.Add(1, new KeyValuePair<string, object?>("camera.id", cameraId));

    internal void BucketClosed(ComplianceDelta delta) =>
        _compliance.GetOrAdd(delta.CameraId, static _ => new ComplianceWindow(LongestWindow)).Add(delta);

    private IEnumerable<Measurement<double>> ObserveCompliance()
    {
        var now = _time.GetUtcNow();
        foreach (var (cameraId, window) in _compliance)
        {
            // A camera that does not run here has no "now": no series while it is stopped, restarting or on another
            // silo. Its minutes are kept while the longest window still holds any, so a restart (a settings change,
            // which flushes the open minute) keeps the hour's figure instead of starting it again.
            if (!_workers.TryGetStatus(cameraId, out _))
            {
                if (window.IsEmpty(now)) _compliance.TryRemove(cameraId, out _);
                continue;
            }
            foreach (var (tag, length) in ComplianceWindows)
            {
                if (window.Ratio(now, length) is { } ratio)
                    yield return new Measurement<double>(ratio, new KeyValuePair<string, object?>("camera.id", cameraId),
                        new KeyValuePair<string, object?>("window", tag));
            }
        }
    }

    private IEnumerable<Measurement<int>> ObserveStates()
    {
        foreach (var id in _workers.CameraIds)
        {
            if (!_workers.TryGetStatus(id, out var status)) continue;
            foreach (var state in States)
                yield return new Measurement<int>(state == status.State ? 1 : 0, new KeyValuePair<string, object?>("camera.id", id),
                    new KeyValuePair<string, object?>("state", CameraStateName.Of(state)));
        }
    }
}

using CctvMask.Grains.Cameras;
using CctvMask.Grains.Compliance;
using CctvMask.Storage.Alerts;

namespace CctvMask.Server.Alerts.Evaluation;

/// <summary>
/// The numbers a rule judges at one moment, for one camera or (<see cref="Fleet"/>) for every enabled camera
/// at once: whether it runs (the fleet: every camera runs), and the counts summed over the rule's window
/// (unique people per minute, summed; see the compliance buckets). <see cref="DownCameras"/> names the cameras
/// not running and <see cref="Cameras"/> how many were judged.
/// </summary>
public sealed record AlertSnapshot(string CameraId, bool Running, long People, long Masked, long Unmasked)
{
    /// <summary>Cameras summed in this snapshot (1 for a camera).</summary>
    public int Cameras { get; init; } = 1;

    /// <summary>The cameras of this snapshot that are not running.</summary>
    public IReadOnlyList<string> DownCameras { get; init; } = [];

    /// <summary>People with a verdict (masked + unmasked).</summary>
    public long Assessed => Masked + Unmasked;

    /// <summary>Compliance in percent, null when nobody was assessed.</summary>
    public double? CompliancePercent => Assessed > 0 ? 100.0 * Masked / Assessed : null;

    /// <summary>
    /// One camera over a window: its stored (closed) minutes plus its open minute so far, from the live status. The
    /// database holds a minute only once it closed, so the two never overlap; a status still showing the previous
    /// minute (it refreshes about once per second, the bucket closes on the new minute's first frame) is left out
    /// rather than risk counting that minute twice. Without a window (cameraNotRunning), no counts.
    /// </summary>
    public static AlertSnapshot Of(string cameraId, CameraStatus status, ComplianceWindowTotals? stored, bool hasWindow, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(status);
        var running = status.State == CameraState.Running;
        if (!hasWindow) return new AlertSnapshot(cameraId, running, 0, 0, 0);
        var (people, masked, unmasked) = stored is { } t ? (t.People, t.Masked, t.Unmasked) : (0L, 0L, 0L);
        if (running && status.OpenMinute is { } open && open.BucketStart == ComplianceCounter.MinuteOf(now))
            (people, masked, unmasked) = (people + open.People, masked + open.Masked, unmasked + open.Unmasked);
        return new AlertSnapshot(cameraId, running, people, masked, unmasked);
    }

    /// <summary>
    /// One aggregate over <paramref name="cameras"/>: counts summed, running only when every camera runs (so a
    /// cameraNotRunning rule measures how long at least one camera has been down). No camera: running, no counts.
    /// </summary>
    public static AlertSnapshot Fleet(IReadOnlyCollection<AlertSnapshot> cameras)
    {
        ArgumentNullException.ThrowIfNull(cameras);
        var down = cameras.Where(c => !c.Running).Select(c => c.CameraId).ToArray();
        return new AlertSnapshot(AlertRuleState.FleetKey, down.Length == 0,
            cameras.Sum(c => c.People), cameras.Sum(c => c.Masked), cameras.Sum(c => c.Unmasked))
        {
            Cameras = cameras.Count,
            DownCameras = down,
        };
    }
}

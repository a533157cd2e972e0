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
    /// One aggregate over <paramref name="cameras"/>: counts summed, running only when every camera runs (so a
    /// cameraNotRunning rule measures how long at least one camera has been down). No camera: running, no counts.
    /// </summary>
    public static AlertSnapshot Fleet(IReadOnlyCollection<AlertSnapshot> cameras)
    {
        ArgumentNullException.ThrowIfNull(cameras);
        var down = cameras.Where(c => !c.Running).Select(c => c.CameraId).ToArray();
        return new AlertSnapshot(Storage.Alerts.AlertRuleState.FleetKey, down.Length == 0,
            cameras.Sum(c => c.People), cameras.Sum(c => c.Masked), cameras.Sum(c => c.Unmasked))
        {
            Cameras = cameras.Count,
            DownCameras = down,
        };
    }
}

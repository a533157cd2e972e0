namespace CctvMask.Server.Alerts.Evaluation;

/// <summary>
/// The numbers a rule judges for one camera at one moment: whether it runs, and its counts summed over
/// the rule's window (unique people per minute, summed; see the compliance buckets).
/// </summary>
public sealed record AlertSnapshot(string CameraId, bool Running, long People, long Masked, long Unmasked)
{
    /// <summary>People with a verdict (masked + unmasked).</summary>
    public long Assessed => Masked + Unmasked;

    /// <summary>Compliance in percent, null when nobody was assessed.</summary>
    public double? CompliancePercent => Assessed > 0 ? 100.0 * Masked / Assessed : null;
}

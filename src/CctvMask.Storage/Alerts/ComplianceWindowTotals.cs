namespace CctvMask.Storage.Alerts;

/// <summary>One camera's compliance counts summed over a window of minute buckets.</summary>
public sealed record ComplianceWindowTotals(string CameraId, long People, long Masked, long Unmasked)
{
    /// <summary>People with a verdict (masked + unmasked).</summary>
    public long Assessed => Masked + Unmasked;
}

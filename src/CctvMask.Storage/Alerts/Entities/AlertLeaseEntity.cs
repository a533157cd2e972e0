namespace CctvMask.Storage.Alerts.Entities;

/// <summary>Row of <c>alert_leases</c>: who evaluates and delivers alerts until when (one row per lease name).</summary>
internal sealed class AlertLeaseEntity
{
    public required string Name { get; set; }
    public required string Holder { get; set; }
    public DateTime ExpiresAt { get; set; }
}

namespace CctvMask.Storage.Alerts.Entities;

/// <summary>Row of <c>alert_rule_states</c> (PK rule id + camera id; deleted with the rule).</summary>
internal sealed class AlertRuleStateEntity
{
    public Guid RuleId { get; set; }
    public required string CameraId { get; set; }
    public bool Firing { get; set; }
    public DateTime? PendingSince { get; set; }
    public DateTime? LastTriggeredAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

namespace CctvMask.Storage.Alerts.Entities;

/// <summary>Row of <c>alert_events</c>. No foreign key to the rule: the history outlives a deleted rule.</summary>
internal sealed class AlertEventEntity
{
    public Guid Id { get; set; }
    public Guid? RuleId { get; set; }
    public required string RuleName { get; set; }
    public AlertRuleKind Kind { get; set; }
    public string? CameraId { get; set; }
    public AlertEventStatus Status { get; set; }
    public DateTime OccurredAt { get; set; }
    public double? Value { get; set; }
    public required string Payload { get; set; }
}

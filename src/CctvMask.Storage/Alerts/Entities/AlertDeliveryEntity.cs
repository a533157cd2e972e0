namespace CctvMask.Storage.Alerts.Entities;

/// <summary>Row of <c>alert_deliveries</c> (deleted with its event).</summary>
internal sealed class AlertDeliveryEntity
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }
    public Guid? RuleId { get; set; }
    public AlertChannel Channel { get; set; }
    public required string Target { get; set; }
    public AlertDeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? LastAttemptAt { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
}

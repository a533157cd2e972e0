namespace CctvMask.Storage.Alerts.Entities;

/// <summary>Row of <c>alert_delivery_attempts</c> (PK delivery id + attempt number; deleted with the delivery).</summary>
internal sealed class AlertDeliveryAttemptEntity
{
    public Guid DeliveryId { get; set; }
    public int Number { get; set; }
    public DateTime At { get; set; }
    public bool Succeeded { get; set; }
    public int? StatusCode { get; set; }
    public string? Error { get; set; }
}

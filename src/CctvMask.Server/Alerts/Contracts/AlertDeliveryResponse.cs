using CctvMask.Server.Cameras;
using CctvMask.Storage.Alerts;

namespace CctvMask.Server.Alerts.Contracts;

/// <summary>A delivery and its latest outcome; the webhook target is masked like camera URLs.</summary>
public sealed record AlertDeliveryResponse(
    Guid Id, Guid EventId, Guid? RuleId, string Channel, string Target, string Status, int Attempts,
    DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? LastAttemptAt, DateTimeOffset? DeliveredAt,
    int? LastStatusCode, string? LastError)
{
    public static AlertDeliveryResponse From(AlertDelivery d) => new(
        d.Id, d.EventId, d.RuleId, AlertPayload.Name(d.Channel),
        d.Channel == AlertChannel.Webhook ? CameraUrl.Redact(d.Target) : d.Target,
        AlertPayload.Name(d.Status), d.Attempts, d.CreatedAt, d.NextAttemptAt, d.LastAttemptAt, d.DeliveredAt, d.LastStatusCode, d.LastError);
}

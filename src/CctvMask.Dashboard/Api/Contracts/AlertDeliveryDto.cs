namespace CctvMask.Dashboard.Api.Contracts;

/// <summary>One event's delivery to a webhook or MQTT, with its latest outcome.</summary>
public sealed record AlertDeliveryDto(
    Guid Id, Guid EventId, Guid? RuleId, string Channel, string Target, string Status, int Attempts,
    DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? LastAttemptAt, DateTimeOffset? DeliveredAt,
    int? LastStatusCode, string? LastError);

namespace CctvMask.Storage.Alerts;

/// <summary>One event's delivery to one channel, with its latest outcome.</summary>
public sealed record AlertDelivery(
    Guid Id,
    Guid EventId,
    Guid? RuleId,
    AlertChannel Channel,
    string Target,
    AlertDeliveryStatus Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? DeliveredAt,
    int? LastStatusCode,
    string? LastError);

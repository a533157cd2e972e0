namespace CctvMask.Storage.Alerts;

/// <summary>One attempt of a delivery (numbered from 1): its outcome, HTTP status and error, if any.</summary>
public sealed record AlertDeliveryAttempt(Guid DeliveryId, int Number, DateTimeOffset At, bool Succeeded, int? StatusCode, string? Error);

namespace CctvMask.Server.Alerts.Delivery;

/// <summary>One attempt's result: success, the HTTP status (webhooks) and a short reason when it failed (never a secret).</summary>
public sealed record DeliveryOutcome(bool Succeeded, int? StatusCode, string? Error, DateTimeOffset At);

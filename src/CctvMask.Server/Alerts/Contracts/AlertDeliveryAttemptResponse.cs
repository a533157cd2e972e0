using CctvMask.Storage.Alerts;

namespace CctvMask.Server.Alerts.Contracts;

/// <summary>One attempt of a delivery.</summary>
public sealed record AlertDeliveryAttemptResponse(int Number, DateTimeOffset At, bool Succeeded, int? StatusCode, string? Error)
{
    public static AlertDeliveryAttemptResponse From(AlertDeliveryAttempt a) => new(a.Number, a.At, a.Succeeded, a.StatusCode, a.Error);
}

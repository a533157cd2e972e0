using System.Text.Json;
using CctvMask.Storage.Alerts;

namespace CctvMask.Server.Alerts.Contracts;

/// <summary>An alert event with the exact payload its deliveries carry.</summary>
public sealed record AlertEventResponse(
    Guid Id, Guid? RuleId, string RuleName, string Kind, string? CameraId, string Status, DateTimeOffset OccurredAt, double? Value, JsonElement Payload)
{
    public static AlertEventResponse From(AlertEvent e)
    {
        using var doc = JsonDocument.Parse(e.Payload);
        return new(e.Id, e.RuleId, e.RuleName, AlertPayload.Name(e.Kind), e.CameraId, AlertPayload.Name(e.Status), e.OccurredAt, e.Value, doc.RootElement.Clone());
    }
}

using System.Text.Json;

namespace CctvMask.Dashboard.Api.Contracts;

/// <summary>An alert event (status triggered, resolved or test) with the payload its deliveries carry.</summary>
public sealed record AlertEventDto(
    Guid Id, Guid? RuleId, string RuleName, string Kind, string? CameraId, string Status, DateTimeOffset OccurredAt, double? Value, JsonElement Payload)
{
    /// <summary>The payload's human-readable message.</summary>
    public string Message => Payload.ValueKind == JsonValueKind.Object && Payload.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
}

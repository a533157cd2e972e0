namespace CctvMask.Storage.Alerts;

/// <summary>
/// An alert event. <see cref="Payload"/> is the exact JSON body every channel sends (stored once, so a
/// retry sends the same bytes and the same signature); <see cref="Id"/> is the stable event id.
/// </summary>
public sealed record AlertEvent(
    Guid Id,
    Guid? RuleId,
    string RuleName,
    AlertRuleKind Kind,
    string? CameraId,
    AlertEventStatus Status,
    DateTimeOffset OccurredAt,
    double? Value,
    string Payload);

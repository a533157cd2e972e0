namespace CctvMask.Dashboard.Api.Contracts;

/// <summary>Body of POST /api/alerts/rules; null fields take the API's defaults for the kind.</summary>
public sealed record AlertRuleRequestDto(
    string? Name,
    string? Kind,
    string? Scope,
    string? CameraId,
    double? Threshold,
    int? WindowMinutes,
    int? MinPeople,
    double? Hysteresis,
    int? CooldownSeconds,
    bool? Enabled,
    string? WebhookUrl,
    string? WebhookSecret,
    bool? Mqtt)
{
    /// <summary>Never print the secret.</summary>
    public override string ToString() => $"AlertRuleRequestDto {{ Name = {Name}, Kind = {Kind}, CameraId = {CameraId} }}";
}

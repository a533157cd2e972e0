namespace CctvMask.Dashboard.Api.Contracts;

/// <summary>An alert rule as GET /api/alerts/rules shows it (the webhook secret only as <see cref="HasWebhookSecret"/>).</summary>
public sealed record AlertRuleDto(
    Guid Id,
    string Name,
    string Kind,
    string Scope,
    string? CameraId,
    double Threshold,
    int WindowMinutes,
    int MinPeople,
    double Hysteresis,
    int CooldownSeconds,
    bool Enabled,
    string? WebhookUrl,
    bool HasWebhookSecret,
    bool Mqtt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

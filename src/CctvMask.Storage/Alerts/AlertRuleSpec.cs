namespace CctvMask.Storage.Alerts;

/// <summary>
/// The settings of an alert rule (no secret: the webhook secret travels beside it, write-only).
/// <see cref="CameraId"/> null = every enabled camera, each judged on its own.
/// <see cref="Threshold"/> and <see cref="Hysteresis"/> are in the kind's unit: percent, people or seconds.
/// </summary>
public sealed record AlertRuleSpec(
    string Name,
    AlertRuleKind Kind,
    string? CameraId,
    double Threshold,
    int WindowMinutes,
    int MinPeople,
    double Hysteresis,
    int CooldownSeconds,
    bool Enabled,
    string? WebhookUrl,
    bool Mqtt);

namespace CctvMask.Storage.Alerts;

/// <summary>
/// The settings of an alert rule (no secret: the webhook secret travels beside it, write-only).
/// <see cref="Scope"/> says what is judged: <see cref="AlertRuleScope.Camera"/> needs <see cref="CameraId"/>, the
/// other scopes have none (<see cref="AlertRuleScope.EachCamera"/>: every enabled camera on its own;
/// <see cref="AlertRuleScope.Fleet"/>: all enabled cameras as one aggregate).
/// <see cref="Threshold"/> and <see cref="Hysteresis"/> are in the kind's unit: percent, people or seconds.
/// </summary>
public sealed record AlertRuleSpec(
    string Name,
    AlertRuleKind Kind,
    AlertRuleScope Scope,
    string? CameraId,
    double Threshold,
    int WindowMinutes,
    int MinPeople,
    double Hysteresis,
    int CooldownSeconds,
    bool Enabled,
    string? WebhookUrl,
    bool Mqtt);

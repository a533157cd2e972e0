using CctvMask.Server.Cameras;
using CctvMask.Storage.Alerts;

namespace CctvMask.Server.Alerts.Contracts;

/// <summary>A rule as the API shows it: the webhook URL masked like camera URLs, the secret only as <c>hasWebhookSecret</c>.</summary>
public sealed record AlertRuleResponse(
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
    DateTimeOffset UpdatedAt)
{
    public static AlertRuleResponse From(AlertRule r) => new(
        r.Id, r.Spec.Name, AlertPayload.Name(r.Spec.Kind), AlertPayload.Name(r.Spec.Scope), r.Spec.CameraId, r.Spec.Threshold, r.Spec.WindowMinutes,
        r.Spec.MinPeople, r.Spec.Hysteresis, r.Spec.CooldownSeconds, r.Spec.Enabled,
        r.Spec.WebhookUrl is { } url ? CameraUrl.Redact(url) : null, r.HasWebhookSecret, r.Spec.Mqtt, r.CreatedAt, r.UpdatedAt);
}

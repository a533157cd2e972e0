using CctvMask.Server.Alerts.Contracts;
using CctvMask.Server.Alerts.Delivery;
using CctvMask.Storage.Alerts;
using CctvMask.Storage.Cameras;

namespace CctvMask.Server.Alerts;

/// <summary>
/// Checks a rule request field by field (ValidationProblem keys are the JSON names) and turns it into a
/// <see cref="AlertRuleSpec"/> with the kind's defaults. <paramref name="existing"/> is the stored rule on a PUT
/// (a masked webhook URL echoed back keeps the stored one, an omitted secret keeps the stored one).
/// </summary>
public static class AlertRuleValidator
{
    public const int DefaultWindowMinutes = 10;
    public const int DefaultMinPeople = 10;
    public const double DefaultCompliancePercentHysteresis = 5;
    public const double DefaultRunningSecondsHysteresis = 30;
    public const int DefaultCooldownSeconds = 900;
    public const int MaxCooldownSeconds = 7 * 24 * 3600;
    public const double MaxNotRunningSeconds = 7 * 24 * 3600;
    public const int MaxPeople = 1_000_000;

    public static Dictionary<string, string[]> Validate(
        AlertRuleRequest r, AlertRule? existing, AlertOptions options, WebhookOptions webhooks,
        out AlertRuleSpec? spec, out string? secret)
    {
        ArgumentNullException.ThrowIfNull(r);
        var errors = new Dictionary<string, string[]>();
        spec = null;
        secret = null;

        var name = r.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > AlertLimits.NameMaxLength)
            errors["name"] = [$"A name of 1–{AlertLimits.NameMaxLength} characters is required."];

        AlertRuleKind kind = default;
        if (r.Kind is null || !Enum.TryParse(r.Kind, ignoreCase: true, out kind) || !Enum.IsDefined(kind) || int.TryParse(r.Kind, out _))
        {
            errors["kind"] = ["The kind must be complianceBelow, unmaskedAbove or cameraNotRunning."];
            return errors;
        }

        if (r.CameraId is not null && !CameraRepository.IsValidId(r.CameraId))
            errors["cameraId"] = ["The camera id is invalid (1–64 of a-z, 0-9, '-', '_'); omit it for every camera."];
        var scope = r.CameraId is null ? AlertRuleScope.EachCamera : AlertRuleScope.Camera;
        if (r.Scope is not null && (!Enum.TryParse(r.Scope, ignoreCase: true, out scope) || !Enum.IsDefined(scope) || int.TryParse(r.Scope, out _)))
            errors["scope"] = ["The scope must be camera, eachCamera or fleet."];
        else if (scope == AlertRuleScope.Camera && r.CameraId is null)
            errors["cameraId"] = ["A camera-scoped rule needs a cameraId."];
        else if (scope != AlertRuleScope.Camera && r.CameraId is not null)
            errors["cameraId"] = [$"A {AlertPayload.Name(scope)} rule watches every enabled camera: omit cameraId (or use scope camera)."];

        var threshold = r.Threshold;
        var window = kind == AlertRuleKind.CameraNotRunning ? 0 : r.WindowMinutes ?? DefaultWindowMinutes;
        var minPeople = kind == AlertRuleKind.ComplianceBelow ? r.MinPeople ?? DefaultMinPeople : 0;
        var hysteresis = r.Hysteresis ?? kind switch
        {
            AlertRuleKind.ComplianceBelow => DefaultCompliancePercentHysteresis,
            AlertRuleKind.CameraNotRunning => DefaultRunningSecondsHysteresis,
            _ => 0,
        };
        if (threshold is not { } t || !double.IsFinite(t))
            errors["threshold"] = ["A threshold is required: percent (complianceBelow), people (unmaskedAbove) or seconds (cameraNotRunning)."];
        else
        {
            var problem = kind switch
            {
                AlertRuleKind.ComplianceBelow when t is <= 0 or > 100 => "The compliance threshold is a percentage in (0, 100].",
                AlertRuleKind.UnmaskedAbove when t < 0 || t > MaxPeople || t != Math.Floor(t) => $"The unmasked threshold is a whole number of people, 0–{MaxPeople}.",
                AlertRuleKind.CameraNotRunning when t < 1 || t > MaxNotRunningSeconds => $"The not-running threshold is 1–{MaxNotRunningSeconds} seconds.",
                _ => null,
            };
            if (problem is not null) errors["threshold"] = [problem];
        }
        if (kind != AlertRuleKind.CameraNotRunning && (window < 1 || window > options.MaxWindowMinutes))
            errors["windowMinutes"] = [$"The window is 1–{options.MaxWindowMinutes} minutes."];
        if (kind == AlertRuleKind.ComplianceBelow && (minPeople < 1 || minPeople > MaxPeople))
            errors["minPeople"] = [$"At least 1 and at most {MaxPeople} people assessed."];
        var maxHysteresis = kind switch
        {
            AlertRuleKind.ComplianceBelow => 100,
            AlertRuleKind.UnmaskedAbove => threshold ?? 0,
            _ => MaxNotRunningSeconds,
        };
        if (!double.IsFinite(hysteresis) || hysteresis < 0 || hysteresis > maxHysteresis)
            errors["hysteresis"] = [$"The hysteresis is 0–{maxHysteresis} ({Unit(kind)})."];
        var cooldown = r.CooldownSeconds ?? DefaultCooldownSeconds;
        if (cooldown is < 0 or > MaxCooldownSeconds)
            errors["cooldownSeconds"] = [$"The cooldown is 0–{MaxCooldownSeconds} seconds."];

        var url = r.WebhookUrl is { } u ? u.Trim() : null;
        if (url is { Length: 0 }) url = null;
        if (existing?.Spec.WebhookUrl is { } stored && url == Cameras.CameraUrl.Redact(stored)) url = stored;
        if (url is not null)
        {
            if (url.Length > AlertLimits.UrlMaxLength) errors["webhookUrl"] = [$"At most {AlertLimits.UrlMaxLength} characters."];
            else if (WebhookTargetPolicy.Check(url, webhooks.AllowPrivateTargets) is { } refused) errors["webhookUrl"] = [refused];
        }
        secret = r.WebhookSecret;
        if (secret is not null && (secret.Length < options.MinSecretLength || secret.Length > AlertLimits.SecretMaxLength || string.IsNullOrWhiteSpace(secret)))
            errors["webhookSecret"] = [$"The webhook secret has {options.MinSecretLength}–{AlertLimits.SecretMaxLength} characters."];
        else if (url is not null && secret is null && existing?.HasWebhookSecret != true)
            errors["webhookSecret"] = ["A webhook needs a secret (the receiver checks the X-CctvMask-Signature header with it)."];
        else if (url is null && secret is not null)
            errors["webhookSecret"] = ["A secret without a webhook URL has nothing to sign."];

        if (errors.Count > 0) return errors;
        spec = new AlertRuleSpec(name!, kind, scope, r.CameraId, threshold!.Value, window, minPeople, hysteresis, cooldown,
            r.Enabled ?? true, url, r.Mqtt ?? false);
        return errors;
    }

    private static string Unit(AlertRuleKind kind) => kind switch
    {
        AlertRuleKind.ComplianceBelow => "percentage points",
        AlertRuleKind.UnmaskedAbove => "people",
        _ => "seconds running before it resolves",
    };
}

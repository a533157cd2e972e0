using System.Globalization;
using CctvMask.Dashboard.Api.Contracts;

namespace CctvMask.Dashboard.Alerts;

/// <summary>
/// The rule editor's fields. <see cref="ToRequest"/> sends only the fields the kind uses (the API fills the
/// rest with its defaults), empty text as null; the secret is sent only when typed.
/// </summary>
public sealed class AlertRuleForm
{
    public const string ComplianceBelow = "complianceBelow";
    public const string UnmaskedAbove = "unmaskedAbove";
    public const string CameraNotRunning = "cameraNotRunning";

    /// <summary>Values of the "Watches" select besides a camera id (':' is never in a camera id).</summary>
    public const string EachCameraTarget = "";
    public const string FleetTarget = ":fleet";

    /// <summary>The JSON field names the editor shows errors for next to a field.</summary>
    public static readonly IReadOnlySet<string> FormFields = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "name", "kind", "scope", "cameraId", "threshold", "windowMinutes", "minPeople", "hysteresis", "cooldownSeconds", "webhookUrl", "webhookSecret",
    };

    public string? Name { get; set; }
    public string Kind { get; set; } = ComplianceBelow;
    /// <summary>What the rule watches: <see cref="EachCameraTarget"/>, <see cref="FleetTarget"/> or a camera id.</summary>
    public string? Target { get; set; } = EachCameraTarget;
    public double? Threshold { get; set; } = 80;
    public int? WindowMinutes { get; set; } = 10;
    public int? MinPeople { get; set; } = 10;
    public double? Hysteresis { get; set; }
    public int? CooldownSeconds { get; set; }
    public bool Enabled { get; set; } = true;
    public string? WebhookUrl { get; set; }
    public string? WebhookSecret { get; set; }
    public bool Mqtt { get; set; }

    public bool UsesWindow => Kind != CameraNotRunning;

    public bool UsesMinPeople => Kind == ComplianceBelow;

    /// <summary>The threshold's unit for the label.</summary>
    public string ThresholdLabel => Kind switch
    {
        ComplianceBelow => "Alert when compliance is below (%)",
        UnmaskedAbove => "Alert when unmasked people are more than",
        _ => "Alert when not running for more than (seconds)",
    };

    public string HysteresisLabel => Kind switch
    {
        ComplianceBelow => "Resolve once compliance is this many points above",
        UnmaskedAbove => "Resolve once this many people below",
        _ => "Resolve once running again for (seconds)",
    };

    /// <summary>The API's scope for <see cref="Target"/>.</summary>
    public string Scope => Target switch
    {
        FleetTarget => "fleet",
        null or "" => "eachCamera",
        _ => "camera",
    };

    /// <summary>What a stored rule watches, for the rules table.</summary>
    public static string Watches(AlertRuleDto rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.Scope switch
        {
            "fleet" => "the fleet (all cameras summed)",
            "eachCamera" => "every camera, each on its own",
            _ => rule.CameraId ?? rule.Scope,
        };
    }

    public AlertRuleRequestDto ToRequest() => new(
        Name?.Trim(), Kind, Scope, Target is FleetTarget ? null : Blank(Target), Threshold,
        UsesWindow ? WindowMinutes : null, UsesMinPeople ? MinPeople : null, Hysteresis, CooldownSeconds, Enabled,
        Blank(WebhookUrl), string.IsNullOrEmpty(WebhookSecret) ? null : WebhookSecret, Mqtt);

    /// <summary>One line describing a stored rule's condition, e.g. "compliance &lt; 80 % over 10 min (≥ 10 people)".</summary>
    public static string Describe(AlertRuleDto rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var t = rule.Threshold.ToString("0.##", CultureInfo.InvariantCulture);
        return rule.Kind switch
        {
            ComplianceBelow => $"compliance < {t} % over {rule.WindowMinutes} min (≥ {rule.MinPeople} people)",
            UnmaskedAbove => $"unmasked > {t} over {rule.WindowMinutes} min",
            CameraNotRunning => $"not running > {t} s",
            _ => rule.Kind,
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

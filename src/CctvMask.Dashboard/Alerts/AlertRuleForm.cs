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

    /// <summary>The JSON field names the editor shows errors for next to a field.</summary>
    public static readonly IReadOnlySet<string> FormFields = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "name", "kind", "cameraId", "threshold", "windowMinutes", "minPeople", "hysteresis", "cooldownSeconds", "webhookUrl", "webhookSecret",
    };

    public string? Name { get; set; }
    public string Kind { get; set; } = ComplianceBelow;
    public string? CameraId { get; set; } = "";
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

    public AlertRuleRequestDto ToRequest() => new(
        Name?.Trim(), Kind, Blank(CameraId), Threshold,
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

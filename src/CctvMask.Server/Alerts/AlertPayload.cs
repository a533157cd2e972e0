using System.Globalization;
using System.Text;
using System.Text.Json;
using CctvMask.Server.Alerts.Evaluation;
using CctvMask.Storage.Alerts;

namespace CctvMask.Server.Alerts;

/// <summary>
/// The JSON body of an alert event, schema <c>cctvmask.alert.v1</c>, written field by field so its shape is
/// fixed (documented in the README). It is built once per event and stored; every delivery sends these bytes.
/// </summary>
public static class AlertPayload
{
    public const string Schema = "cctvmask.alert.v1";

    public static string Build(
        Guid eventId, AlertRule rule, string? cameraId, AlertEventStatus status, DateTimeOffset occurredAt,
        double? value, AlertSnapshot? snapshot)
    {
        ArgumentNullException.ThrowIfNull(rule);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            var spec = rule.Spec;
            w.WriteStartObject();
            w.WriteString("schema", Schema);
            w.WriteString("eventId", eventId);
            w.WriteString("status", Name(status));
            w.WriteString("occurredAt", occurredAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            w.WriteStartObject("rule");
            w.WriteString("id", rule.Id);
            w.WriteString("name", spec.Name);
            w.WriteString("kind", Name(spec.Kind));
            w.WriteString("scope", Name(spec.Scope));
            w.WriteNumber("threshold", spec.Threshold);
            w.WriteNumber("windowMinutes", spec.WindowMinutes);
            w.WriteNumber("minPeople", spec.MinPeople);
            w.WriteNumber("hysteresis", spec.Hysteresis);
            w.WriteNumber("cooldownSeconds", spec.CooldownSeconds);
            w.WriteEndObject();
            if (cameraId is null) w.WriteNull("cameraId");
            else w.WriteString("cameraId", cameraId);
            if (value is { } v) w.WriteNumber("value", Math.Round(v, 2));
            else w.WriteNull("value");
            if (snapshot is null) w.WriteNull("window");
            else
            {
                w.WriteStartObject("window");
                w.WriteNumber("minutes", spec.WindowMinutes);
                w.WriteNumber("people", snapshot.People);
                w.WriteNumber("masked", snapshot.Masked);
                w.WriteNumber("unmasked", snapshot.Unmasked);
                w.WriteBoolean("running", snapshot.Running);
                w.WriteEndObject();
            }
            w.WriteString("message", Message(spec, cameraId, status, value, snapshot));
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>camelCase name of an enum value, as the API and the payload write it.</summary>
    public static string Name<T>(T value) where T : struct, Enum
    {
        var text = value.ToString();
        return char.ToLowerInvariant(text[0]) + text[1..];
    }

    private static string Message(AlertRuleSpec rule, string? cameraId, AlertEventStatus status, double? value, AlertSnapshot? s)
    {
        var where = cameraId is not null ? $" on camera {cameraId}"
            : rule.Scope == AlertRuleScope.Fleet ? $" across the fleet ({s?.Cameras ?? 0} enabled cameras)" : "";
        var v = value is { } x ? x.ToString("0.#", CultureInfo.InvariantCulture) : "?";
        var t = rule.Threshold.ToString("0.##", CultureInfo.InvariantCulture);
        return (status, rule.Kind) switch
        {
            (AlertEventStatus.Test, _) => $"Test event of rule '{rule.Name}'{where}.",
            (AlertEventStatus.Triggered, AlertRuleKind.ComplianceBelow) =>
                $"Compliance {v} % is below {t} % over {rule.WindowMinutes} min ({s?.Assessed ?? 0} people assessed){where}.",
            (AlertEventStatus.Resolved, AlertRuleKind.ComplianceBelow) => $"Compliance back to {v} %{where}.",
            (AlertEventStatus.Triggered, AlertRuleKind.UnmaskedAbove) =>
                $"{v} unmasked people over {rule.WindowMinutes} min, more than {t}{where}.",
            (AlertEventStatus.Resolved, AlertRuleKind.UnmaskedAbove) => $"Unmasked people back to {v} over {rule.WindowMinutes} min{where}.",
            (AlertEventStatus.Triggered, AlertRuleKind.CameraNotRunning) when cameraId is null && s is not null =>
                $"At least one camera not running for {v} s, more than {t} s{where}; down now: {string.Join(", ", s.DownCameras)}.",
            (AlertEventStatus.Triggered, AlertRuleKind.CameraNotRunning) => $"Not running for {v} s, more than {t} s{where}.",
            (AlertEventStatus.Resolved, AlertRuleKind.CameraNotRunning) when cameraId is null => $"Every camera running again{where}.",
            (AlertEventStatus.Resolved, AlertRuleKind.CameraNotRunning) => $"Running again{where}.",
            _ => $"Rule '{rule.Name}' {Name(status)}{where}.",
        };
    }
}

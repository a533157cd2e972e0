using CctvMask.Dashboard.Api.Contracts;

namespace CctvMask.Dashboard.Cameras;

/// <summary>
/// Editable copy of a camera. The URL starts as the API's masked form; the API keeps the stored
/// password when the masked URL comes back unchanged, so credentials are never shown nor lost.
/// </summary>
public sealed class CameraForm
{
    /// <summary>The API's field name for zones; its errors arrive as "zones" or "zones[i].name/points".</summary>
    public const string ZonesField = "zones";

    /// <summary>Form fields and the API's JSON field names they report errors under (zones by prefix).</summary>
    public static readonly string[] Fields =
        ["id", "name", "url", "enabled", "detectFps", "analysisWidth", "analysisHeight",
         "motionGating", "smallFacePass", "smallFaceLongSide", "privacyMode", "retentionDays", ZonesField];

    /// <summary>The privacy modes the API accepts, least to most strict, with what each keeps (the editor's choices).</summary>
    public static readonly (string Mode, string Text)[] PrivacyChoices =
    [
        ("evidence", "Evidence: violation snapshots keep only the violator's face (others pixelated), with a face crop"),
        ("blurred", "Blurred: every face pixelated, in snapshots and the live view; no face crops"),
        ("statistics", "Statistics: no images at all, no per-person violations; counts only"),
    ];

    /// <summary>Slug for a new camera; null lets the API derive one from the name.</summary>
    public string? Id { get; set; }

    public string? Name { get; set; }
    public string? Url { get; set; }
    public bool Enabled { get; set; } = true;
    public double? DetectFps { get; set; }
    public int? AnalysisWidth { get; set; }
    public int? AnalysisHeight { get; set; }

    // A switch cannot show "server default": a new camera starts where the API's defaults are
    // (Storage's CameraSettingLimits; CameraFormTests keeps the two in step).
    public bool MotionGating { get; set; } = true;
    public bool SmallFacePass { get; set; }

    /// <summary>Long side of the small-face pass; null = the API's default.</summary>
    public int? SmallFaceLongSide { get; set; }

    public string PrivacyMode { get; set; } = "evidence";

    /// <summary>Days this camera's violations are kept; null = the server's default.</summary>
    public int? RetentionDays { get; set; }

    /// <summary>Zones as text (<see cref="ZoneText"/>), one zone a line.</summary>
    public string ZonesText { get; set; } = "";

    /// <summary>True when a field's error belongs to this form field (zones errors come per zone).</summary>
    public static bool IsFormField(string errorKey) =>
        Fields.Contains(errorKey, StringComparer.OrdinalIgnoreCase)
        || errorKey.StartsWith(ZonesField + "[", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The API's zone errors ("zones", "zones[1].points", …) as one message for the zones text field,
    /// each prefixed with the zone's line among the zones ("Zone 2: …"); null when there are none.
    /// </summary>
    public static string? ZonesError(IReadOnlyDictionary<string, string[]> fieldErrors)
    {
        var messages = new List<string>();
        foreach (var (key, values) in fieldErrors)
        {
            if (!key.StartsWith(ZonesField, StringComparison.OrdinalIgnoreCase)) continue;
            var label = "";
            var open = key.IndexOf('[');
            var close = key.IndexOf(']');
            if (open >= 0 && close > open && int.TryParse(key.AsSpan(open + 1, close - open - 1), out var index))
                label = $"Zone {index + 1}: ";
            foreach (var message in values) messages.Add(label + message);
        }
        return messages.Count > 0 ? string.Join(" ", messages) : null;
    }

    public static CameraForm From(CameraDto camera) => new()
    {
        Name = camera.Name,
        Url = camera.Url,
        Enabled = camera.Enabled,
        DetectFps = camera.DetectFps,
        AnalysisWidth = camera.AnalysisWidth,
        AnalysisHeight = camera.AnalysisHeight,
        MotionGating = camera.MotionGating,
        SmallFacePass = camera.SmallFacePass,
        SmallFaceLongSide = camera.SmallFaceLongSide,
        PrivacyMode = camera.PrivacyMode,
        RetentionDays = camera.RetentionDays,
        ZonesText = ZoneText.Format(camera.Zones),
    };

    /// <summary>The request, or null with <paramref name="zonesError"/> when the zones text does not parse.</summary>
    public CameraRequestDto? ToRequest(out string? zonesError)
    {
        if (!ZoneText.TryParse(ZonesText, out var zones, out zonesError)) return null;
        return new(string.IsNullOrWhiteSpace(Id) ? null : Id.Trim(), Name?.Trim(), Url?.Trim(), Enabled, DetectFps,
            AnalysisWidth, AnalysisHeight, zones, MotionGating, SmallFacePass, SmallFaceLongSide, PrivacyMode, RetentionDays);
    }

    /// <summary>Copy of a camera's settings with another enabled flag (the list's on/off switch).</summary>
    public static CameraRequestDto WithEnabled(CameraDto camera, bool enabled) =>
        new(null, camera.Name, camera.Url, enabled, camera.DetectFps, camera.AnalysisWidth, camera.AnalysisHeight,
            camera.Zones, camera.MotionGating, camera.SmallFacePass, camera.SmallFaceLongSide, camera.PrivacyMode, camera.RetentionDays);
}

using CctvMask.Dashboard.Api.Contracts;

namespace CctvMask.Dashboard.Cameras;

/// <summary>
/// Editable copy of a camera. The URL starts as the API's masked form; the API keeps the stored
/// password when the masked URL comes back unchanged, so credentials are never shown nor lost.
/// </summary>
public sealed class CameraForm
{
    /// <summary>Form fields and the API's JSON field names they report errors under.</summary>
    public static readonly string[] Fields = ["id", "name", "url", "enabled", "detectFps", "analysisWidth", "analysisHeight"];

    /// <summary>Slug for a new camera; null lets the API derive one from the name.</summary>
    public string? Id { get; set; }

    public string? Name { get; set; }
    public string? Url { get; set; }
    public bool Enabled { get; set; } = true;
    public double? DetectFps { get; set; }
    public int? AnalysisWidth { get; set; }
    public int? AnalysisHeight { get; set; }
    public IReadOnlyList<CameraZoneDto>? Zones { get; set; }

    public static CameraForm From(CameraDto camera) => new()
    {
        Name = camera.Name,
        Url = camera.Url,
        Enabled = camera.Enabled,
        DetectFps = camera.DetectFps,
        AnalysisWidth = camera.AnalysisWidth,
        AnalysisHeight = camera.AnalysisHeight,
        Zones = camera.Zones,
    };

    public CameraRequestDto ToRequest() =>
        new(string.IsNullOrWhiteSpace(Id) ? null : Id.Trim(), Name?.Trim(), Url?.Trim(), Enabled, DetectFps, AnalysisWidth, AnalysisHeight, Zones);

    /// <summary>Copy of a camera's settings with another enabled flag (the list's on/off switch).</summary>
    public static CameraRequestDto WithEnabled(CameraDto camera, bool enabled) =>
        From(camera).ToRequest() with { Enabled = enabled };
}

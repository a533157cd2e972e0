namespace CctvMask.Storage.Cameras;

/// <summary>A stored camera. <see cref="Url"/> includes credentials: never expose it unscrubbed.</summary>
public sealed record CameraRecord(
    string Id,
    string Name,
    string Url,
    bool Enabled,
    double DetectFps,
    int AnalysisWidth,
    int AnalysisHeight,
    IReadOnlyList<CameraZone> Zones,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

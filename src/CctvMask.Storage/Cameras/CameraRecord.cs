using CctvMask.Abstractions.Privacy;

namespace CctvMask.Storage.Cameras;

/// <summary>
/// A stored camera (fields as in <see cref="CameraSpec"/>). <see cref="Url"/> includes credentials:
/// never expose it unscrubbed.
/// </summary>
public sealed record CameraRecord(
    string Id,
    string Name,
    string Url,
    bool Enabled,
    double DetectFps,
    int AnalysisWidth,
    int AnalysisHeight,
    IReadOnlyList<CameraZone> Zones,
    bool MotionGating,
    bool SmallFacePass,
    int SmallFaceLongSide,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    PrivacyMode Privacy = PrivacyModes.Default,
    int? RetentionDays = null);

namespace CctvMask.Dashboard.Api.Contracts;

/// <summary>A camera as GET /api/cameras returns it (id is a slug); the URL arrives with its password masked.</summary>
public sealed record CameraDto(
    string Id,
    string Name,
    string Url,
    bool Enabled,
    double DetectFps,
    int? AnalysisWidth,
    int? AnalysisHeight,
    IReadOnlyList<CameraZoneDto> Zones,
    bool MotionGating,
    bool SmallFacePass,
    int SmallFaceLongSide,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string PrivacyMode = "evidence",
    int? RetentionDays = null,
    PrivacyPurgeDto? Purged = null);

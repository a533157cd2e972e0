namespace CctvMask.Dashboard.Api.Contracts;

/// <summary>
/// Body of POST /api/cameras and PUT /api/cameras/{id}; a null id on create lets the API derive a
/// slug from the name, and other null fields take the API's defaults.
/// </summary>
public sealed record CameraRequestDto(
    string? Id,
    string? Name,
    string? Url,
    bool? Enabled,
    double? DetectFps,
    int? AnalysisWidth,
    int? AnalysisHeight,
    IReadOnlyList<CameraZoneDto>? Zones,
    bool? MotionGating = null,
    bool? SmallFacePass = null,
    int? SmallFaceLongSide = null,
    string? PrivacyMode = null,
    int? RetentionDays = null);

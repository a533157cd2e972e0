namespace CctvMask.Dashboard.Api.Contracts;

/// <summary>Body of POST /api/cameras and PUT /api/cameras/{id}.</summary>
public sealed record CameraRequestDto(
    string? Name,
    string? Url,
    bool? Enabled,
    double? DetectFps,
    int? AnalysisWidth,
    int? AnalysisHeight,
    IReadOnlyList<CameraZoneDto>? Zones);

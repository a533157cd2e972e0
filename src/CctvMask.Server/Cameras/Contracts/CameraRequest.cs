using CctvMask.Storage.Cameras;

namespace CctvMask.Server.Cameras.Contracts;

/// <summary>
/// Body of POST /api/cameras and PUT /api/cameras/{id}. <see cref="Id"/> is an optional slug on
/// create (derived from the name when absent) and ignored on update.
/// </summary>
public sealed record CameraRequest(
    string? Id,
    string? Name,
    string? Url,
    bool? Enabled,
    double? DetectFps,
    int? AnalysisWidth,
    int? AnalysisHeight,
    IReadOnlyList<CameraZone>? Zones);

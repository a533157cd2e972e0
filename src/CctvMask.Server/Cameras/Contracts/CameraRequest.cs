using System.ComponentModel;
using CctvMask.Storage.Cameras;

namespace CctvMask.Server.Cameras.Contracts;

/// <summary>
/// Body of POST /api/cameras and PUT /api/cameras/{id}. <see cref="Id"/> is an optional slug on
/// create (derived from the name when absent) and ignored on update. PUT replaces the whole camera:
/// an absent field takes its default, as on create.
/// </summary>
public sealed record CameraRequest(
    string? Id,
    string? Name,
    string? Url,
    bool? Enabled,
    double? DetectFps,
    int? AnalysisWidth,
    int? AnalysisHeight,
    [property: Description("Where faces count: named polygons of 3 or more normalised (0..1) points; none = the whole frame.")]
    IReadOnlyList<CameraZone>? Zones,
    [property: Description("Skip detection while nothing moves (default true).")]
    bool? MotionGating = null,
    [property: Description("Run the detector's larger second pass for small, distant faces (default false; about 4x the detector's cost).")]
    bool? SmallFacePass = null,
    [property: Description("Long side in pixels of the small-face pass: 320..1920, a multiple of 32 (default 960). Kept while the pass is off.")]
    int? SmallFaceLongSide = null,
    [property: Description("Privacy mode: 'evidence' (default: snapshots keep only the violator's face, others pixelated), 'blurred' (every face pixelated, live view too, no face crops) or 'statistics' (no images, no per-person violations, counts only). A stricter mode purges what it would not have stored.")]
    string? PrivacyMode = null,
    [property: Description("Days this camera's violations are kept (1..3650); absent = the server's Storage:RetentionDays.")]
    int? RetentionDays = null);

namespace CctvMask.Dashboard.Api.Contracts;

/// <summary>
/// GET /api/cameras/{id}/status (state: stopped, starting, running, reconnecting, failed; silo: the
/// Orleans silo running the camera, which changes when it fails over to another server; openMinute: the open minute's
/// people so far; lastMinuteIncorrect: the last closed minute's people who wore the mask incorrectly).
/// </summary>
public sealed record CameraStatusDto(
    string CameraId,
    string State,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? LastFrameAt,
    double AnalysisFps,
    long FramesReceived,
    long FramesAnalyzed,
    long FramesDropped,
    long FacesDetected,
    int PeopleInView,
    int PeopleThisMinute,
    int? LastMinutePeople,
    double? LastMinuteCompliance,
    long Violations,
    int IngestRestarts,
    string? LastError,
    string? Silo = null,
    OpenMinuteDto? OpenMinute = null,
    int? LastMinuteIncorrect = null);

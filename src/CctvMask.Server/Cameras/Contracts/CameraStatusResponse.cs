using CctvMask.Grains.Cameras;

namespace CctvMask.Server.Cameras.Contracts;

/// <summary>GET /api/cameras/{id}/status: the grain's live snapshot (state: stopped, starting, running, reconnecting, failed).
/// FramesSkipped = frames the motion gate kept from phase 1; FacesJudged = faces phase 2 classified. OpenMinute = the open
/// minute bucket's unique people so far (null before the first tick of a minute); Incorrect there and LastMinuteIncorrect
/// (the last closed minute) are the people who wore the mask incorrectly, a part of masked or unmasked as in the stored buckets.</summary>
public sealed record CameraStatusResponse(
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
    string? Silo,
    long FramesSkipped,
    long FacesJudged,
    OpenMinuteCounts? OpenMinute,
    int? LastMinuteIncorrect)
{
    public static CameraStatusResponse From(string id, CameraStatus s) => new(
        id, CameraStateName.Of(s.State), s.UpdatedAt, s.StartedAt, s.LastFrameAt, s.AnalysisFps,
        s.FramesReceived, s.FramesAnalyzed, s.FramesDropped, s.FacesDetected, s.PeopleInView, s.PeopleThisMinute,
        s.LastMinutePeople, s.LastMinuteCompliance, s.Violations, s.IngestRestarts,
        s.LastError is null ? null : CameraUrl.RedactText(s.LastError), s.Silo,
        s.FramesSkipped, s.FacesJudged, s.OpenMinute, s.LastMinuteIncorrect);
}

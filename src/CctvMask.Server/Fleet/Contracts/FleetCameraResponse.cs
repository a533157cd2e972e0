using CctvMask.Server.Cameras.Contracts;

namespace CctvMask.Server.Fleet.Contracts;

/// <summary>
/// One camera of GET /api/fleet. Compliance values are fractions 0..1 (null = nobody assessable, or the
/// camera is not streaming: no stale "now"); people are unique people of the current UTC hour and day,
/// each person counted once (not sums of minutes).
/// </summary>
public sealed record FleetCameraResponse(
    string CameraId,
    string Name,
    string Url,
    bool Enabled,
    string State,
    double Fps,
    long PeopleThisHour,
    long PeopleToday,
    double? ComplianceNow,
    double? Compliance24h,
    DateTimeOffset? LastBucketAt,
    CameraStatusResponse Status);

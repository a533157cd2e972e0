namespace CctvMask.Dashboard.Api.Contracts;

/// <summary>
/// One camera of GET /api/fleet. Compliance values are fractions 0..1; null = nobody assessable (or, for "now",
/// a camera not streaming). People: unique people of the current UTC hour and day.
/// </summary>
public sealed record FleetCameraDto(
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
    DateTimeOffset? LastBucketAt);

namespace CctvMask.Dashboard.Api.Contracts;

/// <summary>One camera of GET /api/fleet. Compliance values are fractions 0..1; null = nobody assessable.</summary>
public sealed record FleetCameraDto(
    string CameraId,
    string Name,
    string Url,
    bool Enabled,
    string State,
    double Fps,
    long PeopleLastHour,
    double? ComplianceNow,
    double? Compliance24h,
    DateTimeOffset? LastBucketAt);

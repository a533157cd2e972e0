using CctvMask.Server.Cameras.Contracts;

namespace CctvMask.Server.Fleet.Contracts;

/// <summary>
/// One camera of GET /api/fleet. Compliance values are fractions 0..1 (null = nobody assessable);
/// people are per-minute unique counts summed over the last hour.
/// </summary>
public sealed record FleetCameraResponse(
    string CameraId,
    string Name,
    string Url,
    bool Enabled,
    string State,
    double Fps,
    long PeopleLastHour,
    double? ComplianceNow,
    double? Compliance24h,
    DateTimeOffset? LastBucketAt,
    CameraStatusResponse Status);

namespace CctvMask.Storage.Compliance;

/// <summary>One camera's row of the fleet dashboard.</summary>
/// <param name="CameraId">Camera slug.</param>
/// <param name="Name">Display name.</param>
/// <param name="Enabled">Whether the camera is enabled.</param>
/// <param name="PeopleThisHour">Unique people in the current UTC hour (counted per hour, not summed from minutes).</param>
/// <param name="PeopleToday">Unique people in the current UTC day.</param>
/// <param name="ComplianceNow">Compliance over the last StorageOptions.ComplianceNowMinutes, or null.</param>
/// <param name="Compliance24h">Compliance over the last 24 hours, or null.</param>
/// <param name="LastBucketAt">Start of the newest minute bucket in the last 24 hours, or null.</param>
public sealed record CameraComplianceSummary(
    string CameraId,
    string Name,
    bool Enabled,
    long PeopleThisHour,
    long PeopleToday,
    double? ComplianceNow,
    double? Compliance24h,
    DateTimeOffset? LastBucketAt);

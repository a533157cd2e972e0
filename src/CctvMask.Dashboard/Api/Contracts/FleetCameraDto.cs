namespace CctvMask.Dashboard.Api.Contracts;

/// <summary>One camera of GET /api/fleet. Shares are fractions 0..1; null = nothing assessable yet.</summary>
public sealed record FleetCameraDto(
    Guid CameraId,
    string Name,
    bool Enabled,
    string State,
    double Fps,
    long PeopleLastHour,
    double? ComplianceNow,
    double? Compliance24h,
    double? AssessableShare);

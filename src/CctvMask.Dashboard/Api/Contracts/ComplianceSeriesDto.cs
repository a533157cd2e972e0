namespace CctvMask.Dashboard.Api.Contracts;

/// <summary>GET /api/cameras/{id}/compliance.</summary>
public sealed record ComplianceSeriesDto(
    Guid CameraId,
    DateTimeOffset From,
    DateTimeOffset To,
    string Bucket,
    IReadOnlyList<CompliancePointDto> Points);

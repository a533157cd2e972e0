namespace CctvMask.Dashboard.Api.Contracts;

/// <summary>GET /api/cameras/{id}/compliance: sparse points (empty buckets omitted), oldest first, plus the range total.</summary>
public sealed record ComplianceSeriesDto(
    string CameraId,
    DateTimeOffset From,
    DateTimeOffset To,
    string Bucket,
    CompliancePointDto? Total,
    IReadOnlyList<CompliancePointDto> Points);

namespace CctvMask.Server.Compliance.Contracts;

/// <summary>GET /api/cameras/{id}/compliance: sparse series (empty buckets omitted), oldest first, plus totals.</summary>
public sealed record ComplianceSeriesResponse(
    string CameraId,
    DateTimeOffset From,
    DateTimeOffset To,
    string Bucket,
    CompliancePointResponse Total,
    IReadOnlyList<CompliancePointResponse> Points);

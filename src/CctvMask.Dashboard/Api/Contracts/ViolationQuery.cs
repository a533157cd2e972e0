namespace CctvMask.Dashboard.Api.Contracts;

/// <summary>Filter and page of GET /api/violations; page is 1-based.</summary>
public sealed record ViolationQuery(string? CameraId, DateTimeOffset? From, DateTimeOffset? To, int Page, int PageSize, Guid? IncidentId = null);

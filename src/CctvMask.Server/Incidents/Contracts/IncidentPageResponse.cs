namespace CctvMask.Server.Incidents.Contracts;

/// <summary>GET /api/incidents: newest activity first, stable paging, total count.</summary>
public sealed record IncidentPageResponse(IReadOnlyList<IncidentResponse> Items, int Page, int PageSize, long Total);

namespace CctvMask.Server.Violations.Contracts;

/// <summary>GET /api/violations: newest first, stable paging, total count.</summary>
public sealed record ViolationPageResponse(IReadOnlyList<ViolationResponse> Items, int Page, int PageSize, int Total);

namespace CctvMask.Dashboard.Api.Contracts;

/// <summary>GET /api/violations: newest first, one page, and the total matching the filter.</summary>
public sealed record ViolationPageDto(IReadOnlyList<ViolationDto> Items, int Page, int PageSize, int Total);

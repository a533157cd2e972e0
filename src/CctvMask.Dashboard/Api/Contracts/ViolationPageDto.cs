namespace CctvMask.Dashboard.Api.Contracts;

/// <summary>GET /api/violations: one page and the total matching the filter.</summary>
public sealed record ViolationPageDto(IReadOnlyList<ViolationDto> Items, long Total, int Page, int PageSize);

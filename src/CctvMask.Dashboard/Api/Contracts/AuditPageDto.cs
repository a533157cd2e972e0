namespace CctvMask.Dashboard.Api.Contracts;

/// <summary>A page of GET /api/audit, newest first.</summary>
public sealed record AuditPageDto(IReadOnlyList<AuditEntryDto> Items, int Page, int PageSize, int Total);

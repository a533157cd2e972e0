namespace CctvMask.Server.Audit.Contracts;

/// <summary>GET /api/audit: newest first.</summary>
public sealed record AuditPageResponse(IReadOnlyList<AuditEntryResponse> Items, int Page, int PageSize, int Total);

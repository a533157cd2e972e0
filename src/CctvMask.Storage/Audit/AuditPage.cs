namespace CctvMask.Storage.Audit;

/// <summary>One page of audit lines and how many match the filter.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, int Total, int Offset, int Limit);

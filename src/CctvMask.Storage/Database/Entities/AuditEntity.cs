namespace CctvMask.Storage.Database.Entities;

/// <summary>Row of <c>audit_log</c>: append-only (the repository only inserts; retention deletes old rows).</summary>
internal sealed class AuditEntity
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public required string KeyName { get; set; }
    public required string Role { get; set; }
    public string? RemoteAddress { get; set; }
    public required string Action { get; set; }
    public string? Target { get; set; }
    public required string Outcome { get; set; }
    public string? Detail { get; set; }
}

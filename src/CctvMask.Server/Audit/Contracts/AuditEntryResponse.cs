using CctvMask.Storage.Audit;

namespace CctvMask.Server.Audit.Contracts;

/// <summary>One audit line: who (key name and role, never the key), from where, did what to what, and how it ended.</summary>
public sealed record AuditEntryResponse(
    long Id, DateTimeOffset At, string KeyName, string Role, string? RemoteAddress, string Action, string? Target, string Outcome, string? Detail)
{
    public static AuditEntryResponse From(AuditEntry e) =>
        new(e.Id, e.At, e.KeyName, e.Role, e.RemoteAddress, e.Action, e.Target, e.Outcome, e.Detail);
}

namespace CctvMask.Storage.Audit;

/// <summary>A stored audit line (<see cref="AuditEvent"/> plus its sequence number, increasing with time of append).</summary>
public sealed record AuditEntry(
    long Id,
    DateTimeOffset At,
    string KeyName,
    string Role,
    string? RemoteAddress,
    string Action,
    string? Target,
    string Outcome,
    string? Detail);

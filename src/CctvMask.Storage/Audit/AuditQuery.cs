namespace CctvMask.Storage.Audit;

/// <summary>Filter and page of the audit log, newest first. Text filters match exactly; <see cref="ActionPrefix"/> by prefix ("camera." = every camera action).</summary>
public sealed record AuditQuery(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? KeyName = null,
    string? ActionPrefix = null,
    string? Target = null,
    string? Outcome = null,
    int Offset = 0,
    int Limit = 50);

namespace CctvMask.Server.Audit;

/// <summary>
/// Records who did what to what (the audit log). The caller's key name, role and address come from the request.
/// Endpoints usually declare <c>.Audited("thing.verb")</c> instead (<see cref="AuditedEndpoints"/>); call this for
/// lines an endpoint filter cannot see (a privacy change and what it purged). Never pass a secret.
/// </summary>
public interface IAuditLog
{
    /// <summary>Appends one line; throws when it cannot be written (evidence is then not served).</summary>
    Task RecordAsync(HttpContext http, string action, string? target, string outcome, string? detail = null, CancellationToken ct = default);

    /// <summary>
    /// Like <see cref="RecordAsync"/> for a polled read: a line the same caller produced for the same target and outcome
    /// within <see cref="AuditOptions.RepeatWindowSeconds"/> is not written again.
    /// </summary>
    Task RecordPolledAsync(HttpContext http, string action, string? target, string outcome, CancellationToken ct = default);
}

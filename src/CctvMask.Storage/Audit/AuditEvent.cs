namespace CctvMask.Storage.Audit;

/// <summary>
/// One audited act, as appended. Never put a secret here: the key's configured name, never the key.
/// </summary>
/// <param name="At">When it happened.</param>
/// <param name="KeyName">Name of the API key used (e.g. "admin", "ops-laptop"); "anonymous" when none.</param>
/// <param name="Role">Role the key granted ("admin", "viewer", or "none").</param>
/// <param name="RemoteAddress">Client address (the browser's, for dashboard calls), or null.</param>
/// <param name="Action">What was done, dotted lower case: "camera.update", "violation.snapshot", "violations.export".</param>
/// <param name="Target">What it was done to (a camera id, a violation id), or null.</param>
/// <param name="Outcome">"ok", "not_found", "invalid", "forbidden", "conflict", "error".</param>
/// <param name="Detail">Anything else worth keeping (a privacy change and what it purged), or null.</param>
public sealed record AuditEvent(
    DateTimeOffset At,
    string KeyName,
    string Role,
    string? RemoteAddress,
    string Action,
    string? Target,
    string Outcome,
    string? Detail = null);

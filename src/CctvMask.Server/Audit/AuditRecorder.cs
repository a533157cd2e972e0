using CctvMask.Storage.Audit;

namespace CctvMask.Server.Audit;

/// <summary><see cref="IAuditLog"/> over the audit table: written at once (not behind), so a failure is the caller's.</summary>
public sealed partial class AuditRecorder(AuditRepository repository, TimeProvider clock, ILogger<AuditRecorder> logger) : IAuditLog
{
    public async Task RecordAsync(HttpContext http, string action, string? target, string outcome, string? detail = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        var e = new AuditEvent(clock.GetUtcNow(), AuditClient.KeyName(http.User), AuditClient.Role(http.User),
            AuditClient.Address(http), action, target, outcome, detail);
        try
        {
            await repository.AppendAsync(e, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, action, target, e.KeyName, ex);
            throw;
        }
    }

    [LoggerMessage(EventId = 5500, EventName = "AuditWriteFailed", Level = LogLevel.Error,
        Message = "Audit line not written: {Action} on {Target} by key {KeyName}")]
    private static partial void LogFailed(ILogger logger, string action, string? target, string keyName, Exception exception);
}

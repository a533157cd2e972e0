using System.Collections.Concurrent;
using CctvMask.Storage.Audit;
using Microsoft.Extensions.Options;

namespace CctvMask.Server.Audit;

/// <summary><see cref="IAuditLog"/> over the audit table: written at once (not behind), so a failure is the caller's.</summary>
public sealed partial class AuditRecorder(
    AuditRepository repository, IOptions<AuditOptions> options, TimeProvider clock, ILogger<AuditRecorder> logger) : IAuditLog
{
    // Bounds the memory of polled reads: past it, entries older than the window are dropped.
    private const int MaxRememberedPolls = 10_000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastPolled = new(StringComparer.Ordinal);

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

    public Task RecordPolledAsync(HttpContext http, string action, string? target, string outcome, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        var window = TimeSpan.FromSeconds(options.Value.RepeatWindowSeconds);
        var now = clock.GetUtcNow();
        var key = string.Join('\n', AuditClient.KeyName(http.User), AuditClient.Address(http), action, target, outcome);
        if (_lastPolled.TryGetValue(key, out var last) && now - last < window) return Task.CompletedTask;
        _lastPolled[key] = now;
        if (_lastPolled.Count > MaxRememberedPolls)
        {
            foreach (var (k, at) in _lastPolled)
                if (now - at >= window) _lastPolled.TryRemove(k, out _);
        }
        return RecordAsync(http, action, target, outcome, null, ct);
    }

    [LoggerMessage(EventId = 5500, EventName = "AuditWriteFailed", Level = LogLevel.Error,
        Message = "Audit line not written: {Action} on {Target} by key {KeyName}")]
    private static partial void LogFailed(ILogger logger, string action, string? target, string keyName, Exception exception);
}

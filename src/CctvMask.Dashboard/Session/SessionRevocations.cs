using System.Collections.Concurrent;

namespace CctvMask.Dashboard.Session;

/// <summary>
/// Session ids logged out before their cookie expired: such a cookie is refused even though its
/// signature and lifetime are valid. Kept in memory until the cookie would have expired (bounded:
/// the oldest are dropped past <see cref="MaxEntries"/>). Per process: behind several replicas,
/// pin sessions (sticky routing) or keep cookie lifetimes short (Dashboard:SessionHours).
/// </summary>
public sealed class SessionRevocations(TimeProvider clock)
{
    public const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _revoked = new(StringComparer.Ordinal);

    public void Revoke(string sessionId, DateTimeOffset until)
    {
        if (_revoked.Count >= MaxEntries) Prune();
        _revoked[sessionId] = until;
    }

    public bool IsRevoked(string sessionId) => _revoked.TryGetValue(sessionId, out var until) && until > clock.GetUtcNow();

    private void Prune()
    {
        var now = clock.GetUtcNow();
        foreach (var (id, until) in _revoked)
            if (until <= now) _revoked.TryRemove(id, out _);
        if (_revoked.Count < MaxEntries) return;
        foreach (var (id, _) in _revoked.OrderBy(e => e.Value).Take(MaxEntries / 10)) _revoked.TryRemove(id, out _);
    }
}

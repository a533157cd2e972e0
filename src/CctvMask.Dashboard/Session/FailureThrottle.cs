using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace CctvMask.Dashboard.Session;

/// <summary>
/// Counts failed authentications per client address in a fixed window and locks an address out
/// once it reaches the limit. Thread-safe; memory bounded by <see cref="FailureThrottleOptions.MaxClients"/>.
/// One instance per door: <see cref="ApiKeys"/> (the API key check) and <see cref="Login"/> (the
/// dashboard login form, by browser address).
/// </summary>
public sealed class FailureThrottle(IOptions<FailureThrottleOptions> options, TimeProvider clock)
{
    /// <summary>
    /// Header the dashboard puts on its own API calls (from loopback). The API exempts such loopback
    /// calls from its throttle: the login form throttles them by browser address, and one attacker
    /// must not lock every dashboard user out of the API.
    /// </summary>
    public const string DashboardHeader = "X-Cctv-Dashboard";

    /// <summary>Service key of the API key throttle.</summary>
    public const string ApiKeys = "api-keys";

    /// <summary>Service key of the dashboard login throttle.</summary>
    public const string Login = "login";

    private readonly ConcurrentDictionary<string, Entry> _clients = new(StringComparer.Ordinal);

    /// <summary>Time left of a lockout of <paramref name="client"/>, or null when it may try.</summary>
    public TimeSpan? RetryAfter(IPAddress? client)
    {
        if (!_clients.TryGetValue(Key(client), out var e)) return null;
        var now = clock.GetUtcNow();
        lock (e) return e.LockedUntil > now ? e.LockedUntil - now : null;
    }

    /// <summary>Records a wrong key from <paramref name="client"/>; returns the lockout when this one starts it.</summary>
    public TimeSpan? Failure(IPAddress? client)
    {
        var o = options.Value;
        if (_clients.Count >= o.MaxClients) Prune();
        var now = clock.GetUtcNow();
        var e = _clients.GetOrAdd(Key(client), _ => new Entry());
        lock (e)
        {
            if (now - e.WindowStart > TimeSpan.FromSeconds(o.WindowSeconds))
            {
                e.WindowStart = now;
                e.Failures = 0;
            }
            if (++e.Failures < o.MaxFailures) return null;
            e.Failures = 0;
            e.LockedUntil = now + TimeSpan.FromSeconds(o.LockoutSeconds);
            return e.LockedUntil - now;
        }
    }

    private static string Key(IPAddress? client) => client?.ToString() ?? "unknown";

    private void Prune()
    {
        var now = clock.GetUtcNow();
        var window = TimeSpan.FromSeconds(options.Value.WindowSeconds);
        foreach (var (key, e) in _clients)
        {
            bool stale;
            lock (e) stale = e.LockedUntil <= now && now - e.WindowStart > window;
            if (stale) _clients.TryRemove(key, out _);
        }
        if (_clients.Count >= options.Value.MaxClients) _clients.Clear(); // flooded by distinct addresses
    }

    private sealed class Entry
    {
        public DateTimeOffset WindowStart;
        public int Failures;
        public DateTimeOffset LockedUntil;
    }
}

using System.ComponentModel.DataAnnotations;

namespace CctvMask.Dashboard.Session;

/// <summary>
/// Brute-force throttling of API keys and dashboard logins (section "AuthThrottle"): after
/// <see cref="MaxFailures"/> wrong keys from one client address within <see cref="WindowSeconds"/>,
/// that address gets 429 with Retry-After for <see cref="LockoutSeconds"/>, right key or not.
/// </summary>
public sealed class FailureThrottleOptions
{
    public const string SectionName = "AuthThrottle";

    [Range(1, 100_000)] public int MaxFailures { get; set; } = 10;

    [Range(1, 86_400)] public int WindowSeconds { get; set; } = 60;

    [Range(1, 86_400)] public int LockoutSeconds { get; set; } = 60;

    /// <summary>Client addresses tracked at once; past it the oldest entries are forgotten.</summary>
    [Range(100, 10_000_000)] public int MaxClients { get; set; } = 100_000;

    /// <summary>
    /// The API does not throttle loopback calls that carry <see cref="FailureThrottle.DashboardHeader"/>:
    /// the dashboard checks login keys through the API from loopback, and its login form has its own
    /// throttle by browser address. Any local process could send that header: turn this off when local
    /// users are not trusted (dashboard logins then count against loopback too).
    /// </summary>
    public bool ExemptDashboardCalls { get; set; } = true;
}

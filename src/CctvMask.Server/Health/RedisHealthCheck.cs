using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace CctvMask.Server.Health;

/// <summary>Fleet mode: ready only when the membership store (Redis) answers a PING.</summary>
public sealed class RedisHealthCheck(RedisProbe probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await probe.PingAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"Redis reachable ({latency.TotalMilliseconds:F1} ms).");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // StackExchange.Redis messages name the endpoint, never the password.
            return HealthCheckResult.Unhealthy($"Redis not reachable: {ex.Message}");
        }
    }
}

using CctvMask.Server.Health;
using CctvMask.Server.Hosting;
using CctvMask.Testing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CctvMask.Server.Tests.Health;

/// <summary>The fleet-mode readiness check against the real Redis (CCTVMASK_TEST_REDIS) and a closed port.</summary>
public sealed class RedisHealthCheckTests
{
    [Fact]
    public async Task Healthy_when_redis_answers()
    {
        var redis = TestEnvironment.Require(TestEnvironment.Redis, "CCTVMASK_TEST_REDIS");
        var result = await CheckAsync(redis);
        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.StartsWith("Redis reachable", result.Description);
    }

    [Fact]
    public async Task Unhealthy_with_the_reason_when_redis_is_unreachable()
    {
        var port = Infrastructure.FreePort.Next();
        var result = await CheckAsync($"127.0.0.1:{port},connectTimeout=500,asyncTimeout=500,password=do-not-log-me");
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.StartsWith("Redis not reachable", result.Description);
        Assert.DoesNotContain("do-not-log-me", result.Description);
    }

    private static async Task<HealthCheckResult> CheckAsync(string connectionString)
    {
        await using var probe = new RedisProbe(Options.Create(new OrleansHostingOptions
        {
            Clustering = ClusteringMode.Redis,
            RedisConnectionString = connectionString,
        }));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await new RedisHealthCheck(probe).CheckHealthAsync(new HealthCheckContext(), timeout.Token);
    }
}

using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using CctvMask.Server.Tests.Infrastructure;
using CctvMask.Testing;
using Npgsql;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace CctvMask.Server.Tests.EndToEnd;

/// <summary>
/// Fleet mode for real: two built servers as child processes, clustered through Redis (a cluster id
/// of their own, so runs never see each other) and sharing one fresh PostgreSQL database. One camera
/// is registered; the process running it is killed hard; the other silo must run it within a bound.
/// </summary>
public sealed class FleetFailoverTests(ITestOutputHelper output) : IDisposable
{
    private const string ServiceId = "cctvmask";

    // Generous: detection takes a few seconds, then one reconciler pass (5 s) and an RTSP connect.
    private static readonly TimeSpan FailoverBound = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(60);

    private readonly string _clusterId = $"fleet-test-{Guid.NewGuid():N}"[..24];
    private readonly string _database = $"cctvmask_fleet_{Guid.NewGuid():N}"[..40];
    private readonly List<ServerProcess> _servers = [];
    private string? _postgresAdmin;

    [Fact]
    public async Task A_camera_moves_to_the_surviving_silo_when_its_silo_is_killed()
    {
        var redis = TestEnvironment.Require(TestEnvironment.Redis, "CCTVMASK_TEST_REDIS");
        var postgres = TestEnvironment.Require(TestEnvironment.Postgres, "CCTVMASK_TEST_POSTGRES");
        var rtsp = TestEnvironment.Require(TestEnvironment.RtspBase, "CCTVMASK_TEST_RTSP");
        _postgresAdmin = new NpgsqlConnectionStringBuilder(postgres) { Database = "postgres" }.ConnectionString;
        var env = new Dictionary<string, string>
        {
            ["Orleans__Clustering"] = "Redis",
            ["Orleans__RedisConnectionString"] = redis,
            ["Orleans__ClusterId"] = _clusterId,
            ["Orleans__ServiceId"] = ServiceId,
            ["Orleans__AdvertisedIPAddress"] = "127.0.0.1",
            ["Storage__Provider"] = "Postgres",
            ["Storage__ConnectionString"] = new NpgsqlConnectionStringBuilder(postgres) { Database = _database }.ConnectionString,
        };

        // Both at once, as a rollout starts pods: they race to migrate the fresh database and to join.
        var starts = new[] { ServerProcess.StartAsync(env), ServerProcess.StartAsync(env) };
        try
        {
            await Task.WhenAll(starts);
        }
        finally
        {
            // Whichever started is cleaned up in Dispose, even when the other failed.
            foreach (var start in starts)
                if (start.IsCompletedSuccessfully) _servers.Add(await start);
        }
        using var clientA = _servers[0].CreateClient(TestKeys.Admin);
        using var clientB = _servers[1].CreateClient(TestKeys.Admin);
        foreach (var client in new[] { clientA, clientB })
        {
            var ready = await (await client.GetAsync("/readyz")).ReadNodeAsync();
            Assert.Equal("Healthy", (string)ready["checks"]!["redis"]!["status"]!);
        }

        // Both silos see both as active (membership through Redis).
        var selfA = await SelfAsync(clientA);
        var selfB = await SelfAsync(clientB);
        Assert.NotEqual(selfA, selfB);
        foreach (var client in new[] { clientA, clientB })
        {
            var active = await WaitForActiveSilosAsync(client, s => s.Count == 2, StartBound);
            Assert.Equal(new[] { selfA, selfB }.Order(StringComparer.Ordinal), active.Order(StringComparer.Ordinal));
        }

        var created = await clientA.PostJsonAsync("/api/cameras", new
        {
            id = "fleet-cam", name = "fleet-cam", url = $"{rtsp}/test", enabled = true, detectFps = 2, analysisWidth = 320, analysisHeight = 240,
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());

        var before = await WaitForStreamingAsync(clientA, silo => silo == selfA || silo == selfB, StartBound);
        var owner = (string)before["silo"]!;
        var (victim, survivor, survivorClient, survivorSilo) = owner == selfA
            ? (_servers[0], _servers[1], clientB, selfB)
            : (_servers[1], _servers[0], clientA, selfA);
        output.WriteLine($"camera streams on {owner} ({(long)before["framesAnalyzed"]!} frames analysed); killing it, survivor {survivorSilo}");

        var clock = Stopwatch.StartNew();
        victim.Kill();
        var after = await WaitForStreamingAsync(survivorClient, silo => silo == survivorSilo, FailoverBound);
        clock.Stop();
        output.WriteLine($"failover: kill → streaming on {survivorSilo} in {clock.Elapsed.TotalSeconds:F1} s; status {after.ToJsonString()}");

        Assert.Equal("running", (string)after["state"]!);
        Assert.True((long)after["framesAnalyzed"]! > 0);
        // The survivor declared the killed silo dead: it alone is active now.
        var remaining = await WaitForActiveSilosAsync(survivorClient, s => s.Count == 1, StartBound);
        Assert.Equal([survivorSilo], remaining);
        Assert.Contains("\"Status\":\"Dead\"", survivor.Output);
    }

    public void Dispose()
    {
        foreach (var server in _servers) server.Dispose();
        if (TestEnvironment.Redis is { } redis)
        {
            using var connection = ConnectionMultiplexer.Connect(redis);
            connection.GetDatabase().KeyDelete($"{ServiceId}/members/{_clusterId}");
        }
        if (_postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(_postgresAdmin);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }
    }

    private static async Task<string> SelfAsync(HttpClient client)
    {
        var silos = (await (await client.GetAsync("/api/fleet/silos")).ReadNodeAsync()).AsArray();
        return (string)silos.Single(s => (bool)s!["self"]!)!["address"]!;
    }

    private static async Task<List<string>> WaitForActiveSilosAsync(HttpClient client, Func<List<string>, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        List<string> active;
        do
        {
            var silos = (await (await client.GetAsync("/api/fleet/silos")).ReadNodeAsync()).AsArray();
            active = silos.Where(s => (string)s!["status"]! == "active").Select(s => (string)s!["address"]!).ToList();
            if (done(active)) return active;
            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);
        throw new Xunit.Sdk.XunitException($"active silos stayed [{string.Join(", ", active)}] for {timeout.TotalSeconds} s");
    }

    /// <summary>Polls the camera's status until it is running with analysed frames on a silo <paramref name="onSilo"/> accepts.</summary>
    private static async Task<JsonNode> WaitForStreamingAsync(HttpClient client, Func<string?, bool> onSilo, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = "no answer";
        do
        {
            try
            {
                using var response = await client.GetAsync("/api/cameras/fleet-cam/status");
                var status = await response.ReadNodeAsync();
                last = status.ToJsonString();
                if ((string?)status["state"] == "running" && (long)status["framesAnalyzed"]! > 0 && onSilo((string?)status["silo"]))
                    return status;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // The answering silo may be waiting on the dead one; ask again.
                last = ex.Message;
            }
            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);
        throw new Xunit.Sdk.XunitException($"camera not streaming on the expected silo within {timeout.TotalSeconds} s; last status: {last}");
    }
}

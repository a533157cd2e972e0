using System.Net;
using CctvMask.Server.Tests.Infrastructure;
using CctvMask.Testing;
using Npgsql;

namespace CctvMask.Server.Tests.Alerts;

/// <summary>A fleet of two servers on one PostgreSQL database: the database lease makes one of them the sender.</summary>
public sealed class AlertFleetTests
{
    private const string Secret = "fleet-secret-0123456789abcdef";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Two_servers_deliver_each_event_once_and_the_second_takes_over_when_the_lease_holder_stops()
    {
        var configured = TestEnvironment.Require(TestEnvironment.Postgres, "CCTVMASK_TEST_POSTGRES");
        var database = $"cctvmask_fleet_{Guid.NewGuid():N}"[..40];
        var connection = new NpgsqlConnectionStringBuilder(configured) { Database = database }.ConnectionString;
        await using var receiver = new WebhookReceiver(Secret);
        await receiver.StartAsync();
        var servers = new List<ServerFactory>();
        try
        {
            // One after the other: the first one creates the database.
            var first = new ServerFactory(postgres: connection).WithFastAlerts();
            servers.Add(first);
            using var adminFirst = first.CreateClient(TestKeys.Admin);
            var rule = await adminFirst.PostJsonAsync("/api/alerts/rules", new
            {
                name = "Fleet", kind = "cameraNotRunning", threshold = 60, webhookUrl = receiver.Url, webhookSecret = Secret,
            });
            Assert.Equal(HttpStatusCode.Created, rule.StatusCode);
            var ruleId = (Guid)(await rule.ReadNodeAsync())["id"]!;
            var second = new ServerFactory(postgres: connection).WithFastAlerts();
            servers.Add(second);
            using var adminSecond = second.CreateClient(TestKeys.Admin);

            // Test events raised on both servers: each arrives once, sent by the one lease holder.
            var raised = new List<Guid>();
            for (var i = 0; i < 3; i++)
            {
                raised.Add(await TestAsync(adminFirst, ruleId));
                raised.Add(await TestAsync(adminSecond, ruleId));
            }
            await Eventually.TrueAsync(() => Task.FromResult(raised.All(receiver.ValidCounts.ContainsKey)), Bound, "every event delivered");
            var holders = servers.Where(TookTheLease).ToList();
            var leader = Assert.Single(holders);
            var follower = servers.Single(s => s != leader);

            // The holder stops (it hands the lease over): the other one sends what is raised next.
            await leader.DisposeAsync();
            servers.Remove(leader);
            using var adminFollower = follower.CreateClient(TestKeys.Admin);
            var after = new[] { await TestAsync(adminFollower, ruleId), await TestAsync(adminFollower, ruleId) };
            await Eventually.TrueAsync(() => Task.FromResult(after.All(receiver.ValidCounts.ContainsKey)), Bound, "delivery by the new holder");
            Assert.True(TookTheLease(follower));
            Assert.All(raised.Concat(after), id => Assert.Equal(1, receiver.ValidCounts[id]));
        }
        finally
        {
            foreach (var server in servers) await server.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(configured) { Database = "postgres" }.ConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static bool TookTheLease(ServerFactory server) =>
        server.Logs.Lines.Any(l => l.Id.Name == "AlertLeadership" && l.Text.Contains("took", StringComparison.Ordinal));

    private static async Task<Guid> TestAsync(HttpClient admin, Guid ruleId)
    {
        var test = await admin.PostAsync($"/api/alerts/rules/{ruleId}/test", null);
        Assert.Equal(HttpStatusCode.Accepted, test.StatusCode);
        return (Guid)(await test.ReadNodeAsync())["eventId"]!;
    }
}

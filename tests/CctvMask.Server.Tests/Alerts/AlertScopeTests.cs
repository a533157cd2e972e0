using System.Data.Common;
using System.Net;
using System.Text.Json.Nodes;
using CctvMask.Server.Tests.Infrastructure;
using CctvMask.Storage.Compliance;
using CctvMask.Storage.Hosting;
using CctvMask.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace CctvMask.Server.Tests.Alerts;

/// <summary>
/// Rule scopes against a real server on each provider, with a real webhook receiver: a fleet rule judges the sum
/// of every enabled camera and raises one event without a camera id, an eachCamera rule judges each camera on its
/// own. Also the webhook secret at rest: the raw row holds ciphertext, and deliveries still verify.
/// </summary>
public sealed class AlertScopeTests(ITestOutputHelper output)
{
    private const string Secret = "scope-secret-5b7e1c9a0d3f2468";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task A_fleet_rule_judges_the_sum_once_each_camera_rules_judge_each_and_the_secret_is_ciphertext_at_rest(StorageProvider provider)
    {
        string? postgres = null, database = null;
        if (provider == StorageProvider.Postgres)
        {
            var configured = TestEnvironment.Require(TestEnvironment.Postgres, "CCTVMASK_TEST_POSTGRES");
            database = $"cctvmask_scope_{Guid.NewGuid():N}"[..40];
            postgres = new NpgsqlConnectionStringBuilder(configured) { Database = database }.ConnectionString;
        }
        await using var receiver = new WebhookReceiver(Secret);
        await receiver.StartAsync();
        var factory = new ServerFactory(postgres: postgres).WithFastAlerts();
        try
        {
            using var admin = factory.CreateClient(TestKeys.Admin);
            // Two enabled cameras nobody serves (never running), with counts written for the last closed minutes:
            // "good" 10 of 10 masked, "poor" 2 of 10. Fleet: 12 of 20 = 60 %.
            var minute = DateTimeOffset.UtcNow.AddMinutes(-2);
            minute = new DateTimeOffset(minute.Year, minute.Month, minute.Day, minute.Hour, minute.Minute, 0, TimeSpan.Zero);
            foreach (var (id, masked, unmasked) in new[] { ("scope-good", 10, 0), ("scope-poor", 2, 8) })
            {
                var camera = await admin.PostJsonAsync("/api/cameras", new { id, name = id, url = $"rtsp://127.0.0.1:{FreePort.Next()}/x", enabled = true });
                Assert.Equal(HttpStatusCode.Created, camera.StatusCode);
                await factory.Services.GetRequiredService<ComplianceRepository>().ApplyAsync(
                    [new ComplianceDelta(Guid.NewGuid(), id, minute, masked + unmasked, masked, unmasked, 0)]);
            }

            var fleetCompliance = await CreateRuleAsync(admin, new { name = "Fleet compliance", kind = "complianceBelow", scope = "fleet", threshold = 80, minPeople = 15, webhookUrl = receiver.Url, webhookSecret = Secret });
            var eachCompliance = await CreateRuleAsync(admin, new { name = "Each camera compliance", kind = "complianceBelow", scope = "eachCamera", threshold = 80, minPeople = 5, webhookUrl = receiver.Url, webhookSecret = Secret });
            var fleetDown = await CreateRuleAsync(admin, new { name = "Fleet down", kind = "cameraNotRunning", scope = "fleet", threshold = 1, webhookUrl = receiver.Url, webhookSecret = Secret });
            // 60 % is not below 50 %, although "poor" alone (20 %) is: a fleet rule judges the sum only.
            var fleetHigh = await CreateRuleAsync(admin, new { name = "Fleet not that low", kind = "complianceBelow", scope = "fleet", threshold = 50, minPeople = 15, webhookUrl = receiver.Url, webhookSecret = Secret });

            await Eventually.TrueAsync(() => Task.FromResult(Triggered(receiver, fleetCompliance).Count >= 1 && Triggered(receiver, fleetDown).Count >= 1
                && Triggered(receiver, eachCompliance).Count >= 1), Bound, "the fleet and each-camera alerts");
            // Let a few more passes run (every 0.5 s) so that "once" and "quiet" below mean something.
            await Task.Delay(TimeSpan.FromSeconds(2));

            var compliance = Assert.Single(Triggered(receiver, fleetCompliance));
            output.WriteLine(compliance.ToJsonString());
            Assert.Null(compliance["cameraId"]);
            Assert.Equal("fleet", (string)compliance["rule"]!["scope"]!);
            Assert.Equal(60, (double)compliance["value"]!);
            Assert.Equal((20, 12, 8), ((int)compliance["window"]!["people"]!, (int)compliance["window"]!["masked"]!, (int)compliance["window"]!["unmasked"]!));
            Assert.Contains("across the fleet (2 enabled cameras)", (string)compliance["message"]!);

            var down = Assert.Single(Triggered(receiver, fleetDown));
            output.WriteLine(down.ToJsonString());
            Assert.Null(down["cameraId"]);
            Assert.Contains("scope-good", (string)down["message"]!);
            Assert.Contains("scope-poor", (string)down["message"]!);

            var each = Assert.Single(Triggered(receiver, eachCompliance));
            Assert.Equal("scope-poor", (string)each["cameraId"]!);
            Assert.Equal("eachCamera", (string)each["rule"]!["scope"]!);
            Assert.Empty(Triggered(receiver, fleetHigh));
            Assert.All(receiver.All, r => Assert.True(r.SignatureValid));

            // At rest: the raw column holds Data Protection ciphertext, never the secret; the signatures above verified with it.
            var stored = await RawSecretAsync(factory, provider, postgres, fleetCompliance);
            output.WriteLine($"{provider}: webhook_secret column is {stored.Length} characters");
            Assert.DoesNotContain(Secret, stored);
            Assert.StartsWith("CfDJ8", stored, StringComparison.Ordinal);   // the Data Protection payload header (base64url)
            Assert.True(await RawKeyRingCountAsync(factory, provider, postgres) >= 1, "no Data Protection key in the database");
        }
        finally
        {
            await factory.DisposeAsync();
            if (database is not null) await DropAsync(database);
        }
    }

    private static List<JsonNode> Triggered(WebhookReceiver receiver, Guid ruleId) => receiver.All
        .Where(r => r.Status == "triggered").Select(r => JsonNode.Parse(r.Body)!)
        .Where(b => (Guid)b["rule"]!["id"]! == ruleId).ToList();

    private static async Task<Guid> CreateRuleAsync(HttpClient admin, object body)
    {
        var rule = await admin.PostJsonAsync("/api/alerts/rules", body);
        Assert.True(rule.StatusCode == HttpStatusCode.Created, await rule.Content.ReadAsStringAsync());
        return (Guid)(await rule.ReadNodeAsync())["id"]!;
    }

    private static async Task<string> RawSecretAsync(ServerFactory factory, StorageProvider provider, string? postgres, Guid ruleId)
    {
        await using var connection = Open(factory, provider, postgres);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = provider == StorageProvider.Postgres
            ? $"SELECT webhook_secret FROM alert_rules WHERE id = '{ruleId}'"
            : $"SELECT webhook_secret FROM alert_rules WHERE upper(id) = upper('{ruleId}')";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> RawKeyRingCountAsync(ServerFactory factory, StorageProvider provider, string? postgres)
    {
        await using var connection = Open(factory, provider, postgres);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM data_protection_keys";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static DbConnection Open(ServerFactory factory, StorageProvider provider, string? postgres) => provider == StorageProvider.Postgres
        ? new NpgsqlConnection(postgres)
        : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(factory.DataDir, "cctvmask.db"), Pooling = false }.ToString());

    private static async Task DropAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        var configured = TestEnvironment.Require(TestEnvironment.Postgres, "CCTVMASK_TEST_POSTGRES");
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(configured) { Database = "postgres" }.ConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}

using System.Net;
using CctvMask.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace CctvMask.Server.Tests.Alerts;

/// <summary>
/// The webhook secret at rest across restarts: a lost key ring makes deliveries fail with a clear error (no
/// crash, no secret in the logs) until the secret is set again; a secret stored in plain text by an earlier
/// version is encrypted at start and still signs.
/// </summary>
public sealed class WebhookSecretAtRestTests(ITestOutputHelper output)
{
    private const string Secret = "at-rest-secret-3e9a7c1b5d2f8046";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_lost_key_ring_gives_a_clear_delivery_error_until_the_secret_is_set_again_and_plain_text_secrets_get_encrypted()
    {
        var dataDir = Directory.CreateTempSubdirectory("cctvmask-alerts-keyring-").FullName;
        try
        {
            await using var receiver = new WebhookReceiver(Secret);
            await receiver.StartAsync();
            Guid lost, legacy;
            await using (var before = new ServerFactory(dataDir).WithFastAlerts())
            {
                using var admin = before.CreateClient(TestKeys.Admin);
                lost = await CreateRuleAsync(admin, receiver.Url, "Lost key");
                legacy = await CreateRuleAsync(admin, receiver.Url, "Legacy");
                var first = await TestAsync(admin, lost);
                await Eventually.TrueAsync(() => Task.FromResult(receiver.ValidCounts.ContainsKey(first)), Bound, "delivery with the key ring");
            }

            // The key ring is lost (a restored backup without its keys); the second rule's secret as an earlier version stored it.
            await ExecuteAsync(dataDir, "DELETE FROM data_protection_keys");
            await ExecuteAsync(dataDir, $"UPDATE alert_rules SET webhook_secret = '{Secret}' WHERE upper(id) = upper('{legacy}')");

            await using var after = new ServerFactory(dataDir).WithFastAlerts();
            using var again = after.CreateClient(TestKeys.Admin);
            var unreadable = await TestAsync(again, lost);
            var attempt = await Eventually.WaitAsync(async () =>
            {
                var deliveries = (await again.GetFromJsonNodeAsync($"/api/alerts/deliveries?eventId={unreadable}")).AsArray();
                return deliveries.FirstOrDefault(d => (int)d!["attempts"]! >= 1 && (string?)d["lastError"] is not null);
            }, Bound, "a failed attempt");
            output.WriteLine(attempt!.ToJsonString());
            Assert.Equal("pending", (string)attempt["status"]!);
            Assert.Contains("cannot be decrypted", (string)attempt["lastError"]!);
            Assert.Contains(after.Logs.Lines, l => l.Id.Name == "AlertWebhookSecretUnreadable");
            Assert.False(receiver.ValidCounts.ContainsKey(unreadable));
            Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/alerts/rules")).StatusCode);

            // Set again: the pending delivery goes out at its next round, signed with it.
            Assert.Equal(HttpStatusCode.OK, (await again.PutJsonAsync($"/api/alerts/rules/{lost}", new
            {
                name = "Lost key", kind = "cameraNotRunning", threshold = 3600, webhookUrl = receiver.Url, webhookSecret = Secret,
            })).StatusCode);
            await Eventually.TrueAsync(() => Task.FromResult(receiver.ValidCounts.ContainsKey(unreadable)), Bound, "delivery once the secret is set again");

            // The plain-text secret was encrypted at start and signs.
            var stored = await ScalarAsync(dataDir, $"SELECT webhook_secret FROM alert_rules WHERE upper(id) = upper('{legacy}')");
            Assert.StartsWith("CfDJ8", stored, StringComparison.Ordinal);
            Assert.Contains(after.Logs.Lines, l => l.Id.Name == "AlertWebhookSecretsEncrypted");
            var signed = await TestAsync(again, legacy);
            await Eventually.TrueAsync(() => Task.FromResult(receiver.ValidCounts.ContainsKey(signed)), Bound, "delivery with the re-encrypted secret");
            Assert.DoesNotContain(Secret, after.Logs.AllText);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<Guid> CreateRuleAsync(HttpClient admin, string url, string name)
    {
        var rule = await admin.PostJsonAsync("/api/alerts/rules", new { name, kind = "cameraNotRunning", threshold = 3600, webhookUrl = url, webhookSecret = Secret });
        Assert.Equal(HttpStatusCode.Created, rule.StatusCode);
        return (Guid)(await rule.ReadNodeAsync())["id"]!;
    }

    private static async Task<Guid> TestAsync(HttpClient admin, Guid ruleId)
    {
        var test = await admin.PostAsync($"/api/alerts/rules/{ruleId}/test", null);
        Assert.Equal(HttpStatusCode.Accepted, test.StatusCode);
        return (Guid)(await test.ReadNodeAsync())["eventId"]!;
    }

    private static SqliteConnection Open(string dataDir) =>
        new(new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDir, "cctvmask.db"), Pooling = false }.ToString());

    private static async Task ExecuteAsync(string dataDir, string sql)
    {
        await using var connection = Open(dataDir);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.True(await command.ExecuteNonQueryAsync() >= 0);
    }

    private static async Task<string> ScalarAsync(string dataDir, string sql)
    {
        await using var connection = Open(dataDir);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)(await command.ExecuteScalarAsync())!;
    }
}

using System.Globalization;
using System.Net;
using CctvMask.Server.Tests.Infrastructure;

namespace CctvMask.Server.Tests.Alerts;

/// <summary>
/// The MQTT password kept out of configuration in plain text: the API encrypts it with the server's key ring,
/// and a server configured with the ciphertext (Alerts:Mqtt:ProtectedPassword) logs in to a broker that accepts
/// only the real password.
/// </summary>
public sealed class MqttProtectedPasswordTests
{
    private const string Password = "MqttAtRest-7d3c9e1a5b";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_server_configured_with_the_protected_password_connects_and_nothing_shows_the_password()
    {
        var dataDir = Directory.CreateTempSubdirectory("cctvmask-mqtt-protected-").FullName;
        try
        {
            string ciphertext;
            await using (var first = new ServerFactory(dataDir))
            {
                using var admin = first.CreateClient(TestKeys.Admin);
                using var viewer = first.CreateClient(TestKeys.Viewer);
                Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostJsonAsync("/api/alerts/mqtt/protect-password", new { password = Password })).StatusCode);
                var empty = await admin.PostJsonAsync("/api/alerts/mqtt/protect-password", new { password = "" });
                Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
                var response = await admin.PostJsonAsync("/api/alerts/mqtt/protect-password", new { password = Password });
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                ciphertext = (string)(await response.ReadNodeAsync())["protectedPassword"]!;
                Assert.DoesNotContain(Password, ciphertext);
                Assert.DoesNotContain(Password, first.Logs.AllText);
            }

            using var broker = MosquittoBroker.Secured("cctvmask", Password);
            await broker.StartAsync();
            await using var second = new ServerFactory(dataDir).WithFastAlerts()
                .With("Alerts:Mqtt:Host", "127.0.0.1").With("Alerts:Mqtt:Port", broker.Port.ToString(CultureInfo.InvariantCulture))
                .With("Alerts:Mqtt:UseTls", "true").With("Alerts:Mqtt:CaCertificateFile", broker.CaCertificateFile)
                .With("Alerts:Mqtt:Username", "cctvmask").With("Alerts:Mqtt:ProtectedPassword", ciphertext)
                .With("Alerts:Mqtt:TopicPrefix", "cctvmask-test-" + Guid.NewGuid().ToString("N")[..8]);
            using var again = second.CreateClient(TestKeys.Admin);
            var rule = await again.PostJsonAsync("/api/alerts/rules", new { name = "Protected MQTT", kind = "cameraNotRunning", threshold = 3600, mqtt = true });
            Assert.Equal(HttpStatusCode.Created, rule.StatusCode);
            var ruleId = (Guid)(await rule.ReadNodeAsync())["id"]!;
            var test = await again.PostAsync($"/api/alerts/rules/{ruleId}/test", null);
            Assert.Equal(HttpStatusCode.Accepted, test.StatusCode);
            var eventId = (Guid)(await test.ReadNodeAsync())["eventId"]!;
            // Delivered = the broker accepted the decrypted password.
            await Eventually.TrueAsync(async () => (await again.GetFromJsonNodeAsync($"/api/alerts/deliveries?eventId={eventId}")).AsArray()
                .Any(d => (string)d!["channel"]! == "mqtt" && (string)d["status"]! == "delivered"), Bound, "the MQTT delivery");
            Assert.Contains(second.Logs.Lines, l => l.Id.Name == "AlertMqttConnected");
            Assert.DoesNotContain(Password, second.Logs.AllText);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
        }
    }
}

using System.Net;
using CctvMask.Server.Tests.Infrastructure;

namespace CctvMask.Server.Tests.Alerts;

/// <summary>The webhook secret and the MQTT password are used (the signature verifies, the broker connects) and never shown.</summary>
public sealed class AlertSecretTests
{
    private const string WebhookSecret = "WhSecret-9f8e7d6c5b4a3921";
    private const string MqttPassword = "MqttPassw0rd-1a2b3c4d5e";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Webhook_secret_and_mqtt_password_never_appear_in_responses_logs_or_metrics()
    {
        // A broker that accepts this user and password only, over TLS: delivered means the password was used.
        using var broker = MosquittoBroker.Secured("cctvmask", MqttPassword);
        await broker.StartAsync();
        // The PUT below replaces the secret: the receiver knows the new one.
        await using var receiver = new WebhookReceiver(WebhookSecret + "x");
        await receiver.StartAsync();
        await using var factory = new ServerFactory().WithFastAlerts()
            .With("Alerts:Mqtt:Host", "127.0.0.1").With("Alerts:Mqtt:Port", broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("Alerts:Mqtt:UseTls", "true").With("Alerts:Mqtt:CaCertificateFile", broker.CaCertificateFile)
            .With("Alerts:Mqtt:Username", "cctvmask").With("Alerts:Mqtt:Password", MqttPassword)
            .With("Alerts:Mqtt:TopicPrefix", "cctvmask-test-" + Guid.NewGuid().ToString("N")[..8]);
        using var admin = factory.CreateClient(TestKeys.Admin);

        var created = await admin.PostJsonAsync("/api/alerts/rules", new
        {
            name = "Secrets", kind = "unmaskedAbove", threshold = 5, webhookUrl = receiver.Url, webhookSecret = WebhookSecret, mqtt = true,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var createdText = await created.Content.ReadAsStringAsync();
        var id = (Guid)(await created.ReadNodeAsync())["id"]!;
        var put = await admin.PutJsonAsync($"/api/alerts/rules/{id}", new
        {
            name = "Secrets", kind = "unmaskedAbove", threshold = 4, webhookUrl = receiver.Url, webhookSecret = WebhookSecret + "x", mqtt = true,
        });
        var putText = await put.Content.ReadAsStringAsync();
        var test = await admin.PostAsync($"/api/alerts/rules/{id}/test", null);
        var testText = await test.Content.ReadAsStringAsync();
        // Both channels delivered: the secret signed the body, the password logged in to the broker.
        await Eventually.TrueAsync(async () =>
        {
            var deliveries = (await admin.GetFromJsonNodeAsync("/api/alerts/deliveries")).AsArray();
            return deliveries.Count == 2 && deliveries.All(d => (string)d!["status"]! == "delivered");
        }, Bound, "both deliveries");
        Assert.True(Assert.Single(receiver.All).SignatureValid);

        var deliveryId = (string)(await admin.GetFromJsonNodeAsync("/api/alerts/deliveries")).AsArray()[0]!["id"]!;
        var texts = new[]
        {
            createdText, putText, testText,
            await admin.GetStringAsync("/api/alerts/rules"),
            await admin.GetStringAsync($"/api/alerts/rules/{id}"),
            await admin.GetStringAsync("/api/alerts/events"),
            await admin.GetStringAsync("/api/alerts/deliveries"),
            await admin.GetStringAsync($"/api/alerts/deliveries/{deliveryId}/attempts"),
            await admin.GetStringAsync("/openapi/v1.json"),
            await factory.CreateClient().GetStringAsync("/metrics"),
            factory.Logs.AllText,
        };
        foreach (var text in texts)
        {
            Assert.DoesNotContain(WebhookSecret, text);
            Assert.DoesNotContain(MqttPassword, text);
        }
        Assert.Contains("cctvmask_alerts_delivery_attempts", texts[9]);
        Assert.Contains(id.ToString(), factory.Logs.AllText);
    }
}

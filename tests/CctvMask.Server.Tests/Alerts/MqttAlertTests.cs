using System.Net;
using System.Text.Json.Nodes;
using CctvMask.Server.Tests.Infrastructure;
using CctvMask.Testing;

namespace CctvMask.Server.Tests.Alerts;

/// <summary>MQTT against Debian's real mosquitto: alert events, retained camera status, reconnection.</summary>
public sealed class MqttAlertTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private static (string Host, int Port) SharedBroker()
    {
        var value = TestEnvironment.Require(TestEnvironment.Mqtt, "CCTVMASK_TEST_MQTT");
        var colon = value.LastIndexOf(':');
        return (value[..colon], int.Parse(value[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Alert_events_and_retained_camera_status_reach_a_real_broker()
    {
        var (host, port) = SharedBroker();
        var prefix = "cctvmask-test-" + Guid.NewGuid().ToString("N")[..8];
        await using var subscriber = await MqttSubscriber.ConnectAsync(host, port, prefix + "/#");
        await using var factory = new ServerFactory().WithFastAlerts()
            .With("Alerts:Mqtt:Host", host).With("Alerts:Mqtt:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("Alerts:Mqtt:TopicPrefix", prefix).With("Alerts:Mqtt:ReconnectDelaySeconds", "0.2");
        using var admin = factory.CreateClient(TestKeys.Admin);
        var camera = await admin.PostJsonAsync("/api/cameras", new { name = "Mqtt cam", url = $"rtsp://127.0.0.1:{FreePort.Next()}/x", enabled = true });
        var cameraId = (string)(await camera.ReadNodeAsync())["id"]!;
        var rule = await admin.PostJsonAsync("/api/alerts/rules", new { name = "Down", kind = "cameraNotRunning", cameraId, threshold = 1, mqtt = true });
        Assert.Equal(HttpStatusCode.Created, rule.StatusCode);

        var statusTopic = $"{prefix}/cameras/{cameraId}/status";
        try
        {
            var alert = await Eventually.WaitAsync(() => Task.FromResult(subscriber.Messages.FirstOrDefault(m => m.Topic == $"{prefix}/alerts/{cameraId}")),
                Bound, "the alert on MQTT");
            var payload = JsonNode.Parse(alert.Payload)!;
            Assert.Equal("triggered", (string)payload["status"]!);
            Assert.Equal("cameraNotRunning", (string)payload["rule"]!["kind"]!);
            Assert.False(alert.Retained);
            await Eventually.TrueAsync(async () => (await admin.GetFromJsonNodeAsync("/api/alerts/deliveries")).AsArray()
                .Any(d => (string)d!["channel"]! == "mqtt" && (string)d["status"]! == "delivered"), Bound, "the MQTT delivery logged as delivered");

            var status = await Eventually.WaitAsync(() => Task.FromResult(subscriber.Messages.FirstOrDefault(m => m.Topic == statusTopic)), Bound, "the camera status");
            Assert.Equal(cameraId, (string)JsonNode.Parse(status.Payload)!["cameraId"]!);
            await Eventually.WaitAsync(() => Task.FromResult(subscriber.Messages.FirstOrDefault(m => m.Topic == $"{prefix}/cameras/{cameraId}/compliance")),
                Bound, "the camera compliance");

            // A client that subscribes later still gets the last status: it is retained.
            await using var late = await MqttSubscriber.ConnectAsync(host, port, statusTopic);
            var retained = await Eventually.WaitAsync(() => Task.FromResult(late.Messages.FirstOrDefault()), Bound, "the retained status");
            Assert.True(retained.Retained);
        }
        finally
        {
            await admin.DeleteAsync($"/api/cameras/{cameraId}");
            await subscriber.ClearRetainedAsync(statusTopic);
            await subscriber.ClearRetainedAsync($"{prefix}/cameras/{cameraId}/compliance");
        }
    }

    [Fact]
    public async Task The_publisher_reconnects_after_the_broker_restarts_and_delivers_what_waited()
    {
        using var broker = MosquittoBroker.Plain();
        await broker.StartAsync();
        var prefix = "cctvmask-test-" + Guid.NewGuid().ToString("N")[..8];
        await using var factory = new ServerFactory().WithFastAlerts()
            .With("Alerts:Mqtt:Host", "127.0.0.1").With("Alerts:Mqtt:Port", broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("Alerts:Mqtt:TopicPrefix", prefix).With("Alerts:Mqtt:ReconnectDelaySeconds", "0.2").With("Alerts:Mqtt:TimeoutSeconds", "2");
        using var admin = factory.CreateClient(TestKeys.Admin);
        var rule = await admin.PostJsonAsync("/api/alerts/rules", new { name = "Fleet down", kind = "cameraNotRunning", threshold = 60, mqtt = true });
        var ruleId = (Guid)(await rule.ReadNodeAsync())["id"]!;

        async Task<string> StatusOf(Guid eventId) =>
            (string)(await admin.GetFromJsonNodeAsync($"/api/alerts/deliveries?eventId={eventId}")).AsArray().Single()!["status"]!;
        async Task<Guid> TestAsync() => (Guid)(await (await admin.PostAsync($"/api/alerts/rules/{ruleId}/test", null)).ReadNodeAsync())["eventId"]!;

        var before = await TestAsync();
        await Eventually.TrueAsync(async () => await StatusOf(before) == "delivered", Bound, "delivery with the broker up");

        broker.Stop();
        var during = await TestAsync();
        await Eventually.TrueAsync(async () => (int)(await admin.GetFromJsonNodeAsync($"/api/alerts/deliveries?eventId={during}")).AsArray()
            .Single()!["attempts"]! >= 2, Bound, "failed attempts while the broker is down");
        Assert.Equal("pending", await StatusOf(during));

        await broker.StartAsync();
        await using var subscriber = await MqttSubscriber.ConnectAsync("127.0.0.1", broker.Port, prefix + "/#");
        await Eventually.TrueAsync(async () => await StatusOf(during) == "delivered", Bound, "delivery after the broker came back");
        var received = await Eventually.WaitAsync(() => Task.FromResult(subscriber.Messages.FirstOrDefault(m => m.Payload.Contains(during.ToString(), StringComparison.Ordinal))),
            Bound, "the waiting event on the restarted broker");
        Assert.Equal($"{prefix}/alerts/_fleet", received.Topic);
    }
    [Fact]
    public async Task Tls_with_a_password_reaches_a_broker_that_requires_both_and_a_wrong_password_or_an_untrusted_certificate_is_refused()
    {
        const string user = "cctvmask";
        const string password = "Broker-pass-7c1d2e3f";
        using var broker = MosquittoBroker.Secured(user, password);
        await broker.StartAsync();

        async Task<JsonNode> DeliverTestEventAsync(string pass, string? ca, Func<JsonNode, bool> until, string what)
        {
            await using var factory = new ServerFactory().WithFastAlerts()
                .With("Alerts:Mqtt:Host", "127.0.0.1").With("Alerts:Mqtt:Port", broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .With("Alerts:Mqtt:UseTls", "true").With("Alerts:Mqtt:CaCertificateFile", ca)
                .With("Alerts:Mqtt:Username", user).With("Alerts:Mqtt:Password", pass)
                .With("Alerts:Mqtt:ReconnectDelaySeconds", "0.2").With("Alerts:Mqtt:TimeoutSeconds", "5");
            using var admin = factory.CreateClient(TestKeys.Admin);
            var rule = await admin.PostJsonAsync("/api/alerts/rules", new { name = "Fleet down", kind = "cameraNotRunning", threshold = 60, mqtt = true });
            var ruleId = (Guid)(await rule.ReadNodeAsync())["id"]!;
            var eventId = (Guid)(await (await admin.PostAsync($"/api/alerts/rules/{ruleId}/test", null)).ReadNodeAsync())["eventId"]!;
            return await Eventually.WaitAsync(async () => (await admin.GetFromJsonNodeAsync($"/api/alerts/deliveries?eventId={eventId}")).AsArray()
                .Single() is { } d && until(d) ? d : null, Bound, what);
        }

        // The broker refuses a wrong password: nothing is delivered, the delivery waits.
        var refused = await DeliverTestEventAsync("not-the-password", broker.CaCertificateFile, d => (int)d["attempts"]! >= 2, "failed attempts with a wrong password");
        Assert.Equal("pending", (string)refused["status"]!);
        Assert.Equal("not connected to the broker", (string)refused["lastError"]!);

        // The right password, but the broker's certificate checked against the system's trust store only: refused.
        var untrusted = await DeliverTestEventAsync(password, null, d => (int)d["attempts"]! >= 2, "failed attempts with an untrusted certificate");
        Assert.Equal("pending", (string)untrusted["status"]!);

        // The right one over TLS (certificate of the configured private CA): delivered, acknowledged by the broker.
        await DeliverTestEventAsync(password, broker.CaCertificateFile, d => (string)d["status"]! == "delivered", "delivery over TLS with the password");
    }
}

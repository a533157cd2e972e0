using CctvMask.Server.Alerts.Evaluation;
using CctvMask.Server.Alerts.Mqtt;
using CctvMask.Storage.Alerts;
using Microsoft.Extensions.Options;

namespace CctvMask.Server.Alerts;

/// <summary>
/// Raises an alert event: builds its payload once, stores it with one pending delivery per channel of the
/// rule (webhook when it has a URL, MQTT when the rule asks and a broker is configured) in one transaction,
/// and wakes the delivery worker. The database row is the promise: nothing is sent from here.
/// </summary>
public sealed class AlertOutbox(
    AlertEventRepository events, AlertDeliverySignal signal, IOptions<MqttOptions> mqtt, AlertMetrics metrics, TimeProvider clock)
{
    public async Task<AlertEvent> RaiseAsync(
        AlertRule rule, string? cameraId, AlertEventStatus status, double? value, AlertSnapshot? snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        var payload = AlertPayload.Build(id, rule, cameraId, status, now, value, snapshot);
        var alert = new AlertEvent(id, rule.Id, rule.Spec.Name, rule.Spec.Kind, cameraId, status, now, value, payload);
        var targets = new List<AlertDeliveryTarget>(2);
        if (rule.Spec.WebhookUrl is { } url) targets.Add(new AlertDeliveryTarget(AlertChannel.Webhook, url));
        if (rule.Spec.Mqtt && mqtt.Value.IsEnabled) targets.Add(new AlertDeliveryTarget(AlertChannel.Mqtt, MqttTopics.Alert(mqtt.Value.TopicPrefix, cameraId)));
        await events.RecordAsync(alert, targets, cancellationToken).ConfigureAwait(false);
        metrics.EventRaised(status);
        signal.Notify();
        return alert;
    }
}

using CctvMask.Server.Alerts.Mqtt;
using CctvMask.Server.Cameras;
using CctvMask.Server.KeyRing;
using CctvMask.Storage.Alerts;
using Microsoft.Extensions.Options;

namespace CctvMask.Server.Alerts.Delivery;

/// <summary>
/// Sends the pending deliveries, on the lease holder only, oldest first: woken by <see cref="AlertDeliverySignal"/>
/// or every <see cref="AlertOptions.DeliveryPollSeconds"/>. A webhook round is the Polly pipeline of
/// <see cref="WebhookSender"/> (timeout + retries with backoff); an MQTT round is one QoS-1 publish. Every
/// attempt is stored. A failed round schedules the next one <see cref="AlertOptions.RedeliveryBaseSeconds"/>
/// later, doubling up to <see cref="AlertOptions.RedeliveryMaxSeconds"/>, until the delivery is older than
/// <see cref="AlertOptions.MaxDeliveryAgeHours"/>. All of it lives in the database, so a restart (or another
/// server taking the lease) resumes it; a delivered one is never sent again.
/// </summary>
public sealed class AlertDeliveryService(
    AlertEventRepository events, AlertRuleRepository rules, WebhookSender webhooks, [FromKeyedServices(SecretProtector.WebhookSecret)] SecretProtector secrets, MqttPublisher mqtt,
    AlertLeadership leadership, AlertDeliverySignal signal, AlertMetrics metrics,
    IOptions<AlertOptions> options, IOptions<WebhookOptions> webhookOptions, TimeProvider clock,
    ILogger<AlertDeliveryService> logger) : BackgroundService
{
    private const string GoneReason = "the rule or its webhook was removed";
    private const string ExpiredReason = "too old";
    private const string UnreadableSecretReason = "the stored webhook secret cannot be decrypted (key ring lost or replaced): set the rule's webhookSecret again";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        var poll = TimeSpan.FromSeconds(options.Value.DeliveryPollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await leadership.IsLeaderAsync(stoppingToken).ConfigureAwait(false))
                    await RunOnceAsync(stoppingToken).ConfigureAwait(false);
                await signal.WaitAsync(poll, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                AlertLog.DeliveryPassFailed(logger, poll, ex);
                try
                {
                    await Task.Delay(poll, clock, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    /// <summary>
    /// Sends every due delivery once (one round each). Returns how many were delivered. Cancelling
    /// <paramref name="cancellationToken"/> stops the pass after the delivery under way.
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var due = await events.GetDueAsync(clock.GetUtcNow(), options.Value.MaxDeliveriesPerPass, cancellationToken).ConfigureAwait(false);
        if (due.Count == 0) return 0; // the usual poll: nothing to guard
        // A stop starts no new delivery, but the one under way gets StopGraceSeconds to finish and be recorded.
        using var underWay = new CancellationTokenSource(Timeout.InfiniteTimeSpan, clock);
        var grace = TimeSpan.FromSeconds(options.Value.StopGraceSeconds);
        await using var onStop = cancellationToken.Register(() => underWay.CancelAfter(grace)).ConfigureAwait(false);
        var delivered = 0;
        foreach (var delivery in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await DeliverAsync(delivery, underWay.Token).ConfigureAwait(false)) delivered++;
        }
        return delivered;
    }

    private async Task<bool> DeliverAsync(AlertDelivery d, CancellationToken cancellationToken)
    {
        var alert = await events.GetEventAsync(d.EventId, cancellationToken).ConfigureAwait(false);
        if (alert is null) return false;
        var target = d.Channel == AlertChannel.Webhook ? CameraUrl.Redact(d.Target) : d.Target;
        var number = d.Attempts;
        var now = clock.GetUtcNow();
        if (now - d.CreatedAt > TimeSpan.FromHours(options.Value.MaxDeliveryAgeHours))
        {
            await GiveUpAsync(d, ++number, target, ExpiredReason, cancellationToken).ConfigureAwait(false);
            return false;
        }

        var succeeded = false;
        async Task Record(DeliveryOutcome outcome)
        {
            number++;
            succeeded = outcome.Succeeded;
            metrics.Attempted(d.Channel, outcome.Succeeded);
            var next = outcome.At + NextRoundDelay(number, d.Channel);
            var attempt = new AlertDeliveryAttempt(d.Id, number, outcome.At, outcome.Succeeded, outcome.StatusCode, outcome.Error);
            var status = outcome.Succeeded ? AlertDeliveryStatus.Delivered : AlertDeliveryStatus.Pending;
            // The attempt is stored even if the caller is stopping: the receiver may already have it.
            await events.RecordAttemptAsync(d.Id, attempt, status, next, CancellationToken.None).ConfigureAwait(false);
            if (outcome.Succeeded) AlertLog.Delivered(logger, d.Id, d.EventId, AlertPayload.Name(d.Channel), target, number);
            else AlertLog.DeliveryFailed(logger, d.Id, d.EventId, AlertPayload.Name(d.Channel), target, number, outcome.Error ?? "failed", next);
        }

        switch (d.Channel)
        {
            case AlertChannel.Webhook:
                var stored = d.RuleId is { } ruleId ? await rules.GetWebhookSecretAsync(ruleId, cancellationToken).ConfigureAwait(false) : null;
                if (stored is null)
                {
                    await GiveUpAsync(d, ++number, target, GoneReason, cancellationToken).ConfigureAwait(false);
                    return false;
                }
                if (secrets.TryUnprotect(stored) is not { } secret)
                {
                    // Not sent unsigned: the attempt fails and the delivery waits its next round, when a new secret may be set.
                    AlertSecretLog.SecretUnreadable(logger, d.Id, d.RuleId!.Value);
                    await Record(new DeliveryOutcome(false, null, UnreadableSecretReason, clock.GetUtcNow())).ConfigureAwait(false);
                    return false;
                }
                await webhooks.SendAsync(d.Target, alert.Id, alert.Payload, secret, Record, cancellationToken).ConfigureAwait(false);
                break;
            case AlertChannel.Mqtt:
                var error = await mqtt.PublishAsync(d.Target, alert.Payload, retain: false, cancellationToken).ConfigureAwait(false);
                await Record(new DeliveryOutcome(error is null, null, error, clock.GetUtcNow())).ConfigureAwait(false);
                break;
        }
        return succeeded;
    }

    /// <summary>Wait before the next round: base × 2^(rounds failed − 1), capped.</summary>
    private TimeSpan NextRoundDelay(int attempts, AlertChannel channel)
    {
        var perRound = channel == AlertChannel.Webhook ? webhookOptions.Value.RetryAttempts + 1 : 1;
        var round = Math.Max(0, (attempts - 1) / perRound);
        var seconds = options.Value.RedeliveryBaseSeconds * Math.Pow(2, Math.Min(round, 30));
        return TimeSpan.FromSeconds(Math.Min(seconds, options.Value.RedeliveryMaxSeconds));
    }

    private async Task GiveUpAsync(AlertDelivery d, int number, string target, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await events.RecordAttemptAsync(d.Id, new AlertDeliveryAttempt(d.Id, number, now, false, null, reason), AlertDeliveryStatus.Failed, now, cancellationToken)
            .ConfigureAwait(false);
        AlertLog.DeliveryGivenUp(logger, d.Id, d.EventId, AlertPayload.Name(d.Channel), target, number, reason);
    }
}

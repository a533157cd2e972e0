using CctvMask.Grains.Cameras;
using CctvMask.Server.Alerts.Mqtt;
using CctvMask.Server.Cameras;
using CctvMask.Storage.Alerts;
using CctvMask.Storage.Cameras;
using Microsoft.Extensions.Options;

namespace CctvMask.Server.Alerts.Evaluation;

/// <summary>
/// Every <see cref="AlertOptions.EvaluationIntervalSeconds"/>, on the server holding the alert lease only:
/// reads the enabled rules, the enabled cameras' live status (grains) and their compliance windows
/// (database: the closed minutes, plus the open minute's counts so far from the live status, so an alert does not
/// wait for the minute to close), runs <see cref="AlertEvaluator"/> per rule and camera (or once per fleet rule, over the sum), raises the events through the outbox,
/// stores the new states, and publishes the retained per-camera MQTT status. A failed pass is logged and
/// the next one runs as usual.
/// </summary>
public sealed class AlertEvaluationService(
    AlertRuleRepository rules, CameraRepository cameras, ComplianceWindowReader windows, ICameraControl control,
    AlertOutbox outbox, AlertLeadership leadership, AlertEventRepository events, MqttCameraStatusPublisher mqttStatus,
    AlertMetrics metrics, IOptions<AlertOptions> options, TimeProvider clock, ILogger<AlertEvaluationService> logger) : BackgroundService
{
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);
    private DateTimeOffset _lastPurge = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        var interval = TimeSpan.FromSeconds(options.Value.EvaluationIntervalSeconds);
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                if (await leadership.IsLeaderAsync(stoppingToken).ConfigureAwait(false))
                    await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                AlertLog.EvaluationFailed(logger, interval, ex);
            }
        }
        while (await NextAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await leadership.ReleaseAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One evaluation pass (the caller holds the lease).</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var ruleList = await rules.ListAsync(enabledOnly: true, cancellationToken).ConfigureAwait(false);
        var cameraList = (await cameras.ListAsync(enabledOnly: true, cancellationToken).ConfigureAwait(false)).Select(c => c.Id).ToArray();
        var statuses = await Task.WhenAll(cameraList.Select(id => control.GetStatusAsync(id, cancellationToken))).ConfigureAwait(false);
        var running = new Dictionary<string, CameraStatus>(StringComparer.Ordinal);
        for (var i = 0; i < cameraList.Length; i++) running[cameraList[i]] = statuses[i];

        var totals = new Dictionary<int, Dictionary<string, ComplianceWindowTotals>>();
        foreach (var minutes in ruleList.Where(r => r.Spec.Kind != AlertRuleKind.CameraNotRunning).Select(r => r.Spec.WindowMinutes)
                     .Append(mqttStatus.WindowMinutes).Distinct())
        {
            var sums = await windows.GetTotalsAsync(now.AddMinutes(-minutes), now, cancellationToken).ConfigureAwait(false);
            totals[minutes] = sums.ToDictionary(t => t.CameraId, StringComparer.Ordinal);
        }

        var states = (await rules.GetStatesAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(s => (s.RuleId, s.CameraId));
        var changed = new List<AlertRuleState>();
        foreach (var rule in ruleList)
        {
            var window = rule.Spec.Kind == AlertRuleKind.CameraNotRunning ? (int?)null : rule.Spec.WindowMinutes;
            foreach (var (key, cameraId, snapshot) in Targets(rule.Spec, cameraList, running, totals, window, now))
            {
                var previous = states.GetValueOrDefault((rule.Id, key)) ?? AlertRuleState.Initial(rule.Id, key);
                var decision = AlertEvaluator.Evaluate(rule.Spec, snapshot, previous, now);
                if (decision.Raise is { } status)
                {
                    var alert = await outbox.RaiseAsync(rule, cameraId, status, decision.Value, snapshot, cancellationToken).ConfigureAwait(false);
                    AlertLog.RaisedEvent(logger, alert);
                }
                if (decision.State != previous) changed.Add(decision.State);
            }
        }
        await rules.SaveStatesAsync(changed, cancellationToken).ConfigureAwait(false);
        metrics.Evaluated();

        await mqttStatus.PublishAsync(cameraList.Select(id => (running[id], Snapshot(id, running[id], totals, mqttStatus.WindowMinutes, now))), now, cancellationToken)
            .ConfigureAwait(false);
        await PurgeIfDueAsync(now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// What a rule judges, as (state key, camera id of its events, snapshot): its camera, each enabled camera, or
    /// one aggregate of them all (state key <see cref="AlertRuleState.FleetKey"/>, events without a camera id).
    /// </summary>
    private static IEnumerable<(string Key, string? CameraId, AlertSnapshot Snapshot)> Targets(
        AlertRuleSpec rule, string[] cameraList, Dictionary<string, CameraStatus> running,
        Dictionary<int, Dictionary<string, ComplianceWindowTotals>> totals, int? window, DateTimeOffset now)
    {
        switch (rule.Scope)
        {
            case AlertRuleScope.Fleet:
                var all = cameraList.Select(id => Snapshot(id, running[id], totals, window, now)).ToArray();
                yield return (AlertRuleState.FleetKey, null, AlertSnapshot.Fleet(all));
                break;
            case AlertRuleScope.Camera:
                if (rule.CameraId is { } only && running.TryGetValue(only, out var status))
                    yield return (only, only, Snapshot(only, status, totals, window, now));
                break;
            default:
                foreach (var id in cameraList) yield return (id, id, Snapshot(id, running[id], totals, window, now));
                break;
        }
    }

    private static AlertSnapshot Snapshot(string cameraId, CameraStatus status, Dictionary<int, Dictionary<string, ComplianceWindowTotals>> totals,
        int? windowMinutes, DateTimeOffset now) =>
        AlertSnapshot.Of(cameraId, status, windowMinutes is { } w ? totals[w].GetValueOrDefault(cameraId) : null, windowMinutes is not null, now);

    private async Task PurgeIfDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (now - _lastPurge < PurgeInterval) return;
        _lastPurge = now;
        var cutoff = now.AddDays(-options.Value.EventRetentionDays);
        var purged = await events.PurgeAsync(cutoff, cancellationToken).ConfigureAwait(false);
        if (purged > 0) AlertLog.Purged(logger, purged, cutoff);
    }

    private static async Task<bool> NextAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

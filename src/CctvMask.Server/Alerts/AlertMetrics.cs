using System.Diagnostics.Metrics;
using CctvMask.Storage.Alerts;

namespace CctvMask.Server.Alerts;

/// <summary>Meter "CctvMask.Alerts": events raised, delivery attempts by channel and outcome, evaluation passes. No target or secret in any tag.</summary>
public sealed class AlertMetrics
{
    public const string MeterName = "CctvMask.Alerts";

    private readonly Counter<long> _events;
    private readonly Counter<long> _attempts;
    private readonly Counter<long> _evaluations;

    public AlertMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _events = meter.CreateCounter<long>("cctvmask.alerts.events", "{event}", "Alert events raised, by status");
        _attempts = meter.CreateCounter<long>("cctvmask.alerts.delivery.attempts", "{attempt}", "Delivery attempts, by channel and outcome");
        _evaluations = meter.CreateCounter<long>("cctvmask.alerts.evaluations", "{pass}", "Rule evaluation passes run by this server (the lease holder)");
    }

    public void EventRaised(AlertEventStatus status) =>
        _events.Add(1, new KeyValuePair<string, object?>("status", AlertPayload.Name(status)));

    public void Attempted(AlertChannel channel, bool succeeded) =>
        _attempts.Add(1, new("channel", AlertPayload.Name(channel)), new("outcome", succeeded ? "delivered" : "failed"));

    public void Evaluated() => _evaluations.Add(1);
}

using CctvMask.Storage.Alerts;

namespace CctvMask.Server.Alerts.Evaluation;

/// <summary>
/// The alert rules as a pure function: (rule, snapshot, previous state, now) → (next state, event to raise).
/// <list type="bullet">
/// <item><b>Hysteresis:</b> a rule triggers when its condition holds and resolves only once the value is back
/// past the threshold by <c>Hysteresis</c> (percent points / people), or, for "not running", once the camera
/// has run again for <c>Hysteresis</c> seconds. In between it keeps its state: no flapping.</item>
/// <item><b>Cooldown:</b> after a trigger, no new trigger for <c>CooldownSeconds</c>, even if it resolved
/// meanwhile; a breach that outlasts the cooldown triggers then.</item>
/// <item><b>Too few people:</b> a compliance rule with fewer than <c>MinPeople</c> assessed in the window
/// keeps its state (no evidence either way).</item>
/// </list>
/// </summary>
public static class AlertEvaluator
{
    private const double Percent = 100.0;

    public static AlertDecision Evaluate(AlertRuleSpec rule, AlertSnapshot snapshot, AlertRuleState previous, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(previous);
        return rule.Kind switch
        {
            AlertRuleKind.ComplianceBelow => ByValue(rule, previous, now, ComplianceCondition(rule, snapshot)),
            AlertRuleKind.UnmaskedAbove => ByValue(rule, previous, now, UnmaskedCondition(rule, snapshot)),
            AlertRuleKind.CameraNotRunning => NotRunning(rule, snapshot, previous, now),
            _ => new AlertDecision(previous, null, null),
        };
    }

    /// <summary>(breach, clear, value): null when the snapshot says nothing (too few people).</summary>
    private static (bool Breach, bool Clear, double Value)? ComplianceCondition(AlertRuleSpec rule, AlertSnapshot s)
    {
        if (s.Assessed < Math.Max(1, rule.MinPeople) || s.CompliancePercent is not { } pct) return null;
        return (pct < rule.Threshold, pct >= Math.Min(Percent, rule.Threshold + rule.Hysteresis), pct);
    }

    private static (bool Breach, bool Clear, double Value)? UnmaskedCondition(AlertRuleSpec rule, AlertSnapshot s) =>
        (s.Unmasked > rule.Threshold, s.Unmasked <= rule.Threshold - rule.Hysteresis, s.Unmasked);

    private static AlertDecision ByValue(AlertRuleSpec rule, AlertRuleState previous, DateTimeOffset now, (bool Breach, bool Clear, double Value)? condition)
    {
        if (condition is not { } c) return new AlertDecision(previous with { PendingSince = null }, null, null);
        if (!previous.Firing)
        {
            if (c.Breach && !InCooldown(rule, previous, now))
                return new AlertDecision(previous with { Firing = true, PendingSince = null, LastTriggeredAt = now }, AlertEventStatus.Triggered, c.Value);
            return new AlertDecision(previous with { PendingSince = null }, null, c.Value);
        }
        return c.Clear
            ? new AlertDecision(previous with { Firing = false, PendingSince = null }, AlertEventStatus.Resolved, c.Value)
            : new AlertDecision(previous with { PendingSince = null }, null, c.Value);
    }

    private static AlertDecision NotRunning(AlertRuleSpec rule, AlertSnapshot s, AlertRuleState previous, DateTimeOffset now)
    {
        if (!previous.Firing)
        {
            if (s.Running) return new AlertDecision(previous with { PendingSince = null }, null, 0);
            var since = previous.PendingSince ?? now;
            var down = (now - since).TotalSeconds;
            if (down > rule.Threshold && !InCooldown(rule, previous, now))
                return new AlertDecision(previous with { Firing = true, PendingSince = null, LastTriggeredAt = now }, AlertEventStatus.Triggered, down);
            return new AlertDecision(previous with { PendingSince = since }, null, down);
        }
        if (!s.Running) return new AlertDecision(previous with { PendingSince = null }, null, null);
        var up = previous.PendingSince ?? now;
        return (now - up).TotalSeconds >= rule.Hysteresis
            ? new AlertDecision(previous with { Firing = false, PendingSince = null }, AlertEventStatus.Resolved, 0)
            : new AlertDecision(previous with { PendingSince = up }, null, 0);
    }

    private static bool InCooldown(AlertRuleSpec rule, AlertRuleState state, DateTimeOffset now) =>
        state.LastTriggeredAt is { } last && now - last < TimeSpan.FromSeconds(rule.CooldownSeconds);
}

using CctvMask.Storage.Alerts;

namespace CctvMask.Server.Alerts.Evaluation;

/// <summary>
/// The outcome of one evaluation: the state to remember, and the event to raise (null = none).
/// <see cref="Value"/> is what was measured (percent, people or seconds not running), null when unknown.
/// </summary>
public sealed record AlertDecision(AlertRuleState State, AlertEventStatus? Raise, double? Value);

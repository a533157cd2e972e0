namespace CctvMask.Storage.Alerts;

/// <summary>A stored alert rule. The webhook secret is never part of it (see <see cref="AlertRuleRepository.GetWebhookSecretAsync"/>).</summary>
public sealed record AlertRule(Guid Id, AlertRuleSpec Spec, bool HasWebhookSecret, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

namespace CctvMask.Server.Alerts;

/// <summary>Log lines about stored alert secrets (EventIds 5800–5849). The secret itself is never logged.</summary>
public static partial class AlertSecretLog
{
    [LoggerMessage(EventId = 5800, Level = LogLevel.Error,
        Message = "Alert delivery {DeliveryId} of rule {RuleId}: the stored webhook secret cannot be decrypted (its Data Protection key is not in the key ring: lost, replaced or revoked); set the rule's webhookSecret again. Retrying later.",
        EventName = "AlertWebhookSecretUnreadable")]
    public static partial void SecretUnreadable(ILogger logger, Guid deliveryId, Guid ruleId);
}

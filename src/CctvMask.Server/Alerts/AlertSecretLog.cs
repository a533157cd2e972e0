namespace CctvMask.Server.Alerts;

/// <summary>Log lines about stored alert secrets (EventIds 5800–5849). The secret itself is never logged.</summary>
public static partial class AlertSecretLog
{
    [LoggerMessage(EventId = 5800, Level = LogLevel.Error,
        Message = "Alert delivery {DeliveryId} of rule {RuleId}: the stored webhook secret cannot be decrypted (its Data Protection key is not in the key ring: lost, replaced or revoked); set the rule's webhookSecret again. Retrying later.",
        EventName = "AlertWebhookSecretUnreadable")]
    public static partial void SecretUnreadable(ILogger logger, Guid deliveryId, Guid ruleId);

    [LoggerMessage(EventId = 5801, Level = LogLevel.Information, Message = "Alerts: encrypted {Count} webhook secrets stored in plain text by an earlier version",
        EventName = "AlertWebhookSecretsEncrypted")]
    public static partial void SecretsEncrypted(ILogger logger, int count);

    [LoggerMessage(EventId = 5803, Level = LogLevel.Error,
        Message = "MQTT: Alerts:Mqtt:ProtectedPassword cannot be decrypted with this server's key ring (made by another installation, or the key ring was lost); MQTT stays off for {Host}:{Port} until it is replaced",
        EventName = "AlertMqttPasswordUnreadable")]
    public static partial void MqttPasswordUnreadable(ILogger logger, string host, int port);

    [LoggerMessage(EventId = 5802, Level = LogLevel.Warning, Message = "Alerts: could not check the stored webhook secrets for plain text; the next start tries again",
        EventName = "AlertWebhookSecretsEncryptionFailed")]
    public static partial void SecretsEncryptionFailed(ILogger logger, Exception exception);
}

using CctvMask.Storage.Alerts;

namespace CctvMask.Server.Alerts;

/// <summary>Alert log lines (EventIds 5600–5699). Targets are shown redacted; secrets and passwords never.</summary>
public static partial class AlertLog
{
    [LoggerMessage(EventId = 5600, Level = LogLevel.Information, Message = "Alert rule {RuleId} {Action} by {Actor}: {Outcome}", EventName = "AlertRuleChanged")]
    public static partial void RuleChanged(ILogger logger, Guid ruleId, string action, string actor, string outcome);

    [LoggerMessage(EventId = 5601, Level = LogLevel.Information, Message = "Alert {AlertEventId} of rule {RuleId} {Status} on camera {CameraId} (value {Value})", EventName = "AlertRaised")]
    public static partial void Raised(ILogger logger, Guid alertEventId, Guid? ruleId, string status, string cameraId, double? value);

    [LoggerMessage(EventId = 5602, Level = LogLevel.Warning, Message = "Alert evaluation pass failed; next pass in {Interval}", EventName = "AlertEvaluationFailed")]
    public static partial void EvaluationFailed(ILogger logger, TimeSpan interval, Exception exception);

    [LoggerMessage(EventId = 5603, Level = LogLevel.Information, Message = "Alerts: this server {Change} the alert lease {Lease}", EventName = "AlertLeadership")]
    public static partial void Leadership(ILogger logger, string change, string lease);

    [LoggerMessage(EventId = 5604, Level = LogLevel.Information, Message = "Alert delivery {DeliveryId} of event {AlertEventId} via {Channel} to {Target} delivered at attempt {Attempt}", EventName = "AlertDelivered")]
    public static partial void Delivered(ILogger logger, Guid deliveryId, Guid alertEventId, string channel, string target, int attempt);

    [LoggerMessage(EventId = 5605, Level = LogLevel.Warning, Message = "Alert delivery {DeliveryId} of event {AlertEventId} via {Channel} to {Target} failed at attempt {Attempt} ({Reason}); next round at {NextAttemptAt:O}", EventName = "AlertDeliveryFailed")]
    public static partial void DeliveryFailed(ILogger logger, Guid deliveryId, Guid alertEventId, string channel, string target, int attempt, string reason, DateTimeOffset nextAttemptAt);

    [LoggerMessage(EventId = 5606, Level = LogLevel.Error, Message = "Alert delivery {DeliveryId} of event {AlertEventId} via {Channel} to {Target} given up after {Attempts} attempts ({Reason})", EventName = "AlertDeliveryGivenUp")]
    public static partial void DeliveryGivenUp(ILogger logger, Guid deliveryId, Guid alertEventId, string channel, string target, int attempts, string reason);

    [LoggerMessage(EventId = 5607, Level = LogLevel.Warning, Message = "Alert delivery pass failed; next pass in {Interval}", EventName = "AlertDeliveryPassFailed")]
    public static partial void DeliveryPassFailed(ILogger logger, TimeSpan interval, Exception exception);

    [LoggerMessage(EventId = 5608, Level = LogLevel.Information, Message = "MQTT: connected to {Host}:{Port} (TLS {Tls})", EventName = "AlertMqttConnected")]
    public static partial void MqttConnected(ILogger logger, string host, int port, bool tls);

    [LoggerMessage(EventId = 5609, Level = LogLevel.Warning, Message = "MQTT: cannot reach {Host}:{Port} ({Reason}); retrying in {Delay}", EventName = "AlertMqttUnreachable")]
    public static partial void MqttUnreachable(ILogger logger, string host, int port, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 5610, Level = LogLevel.Warning, Message = "MQTT: publishing camera {CameraId} status failed ({Reason})", EventName = "AlertMqttStatusFailed")]
    public static partial void MqttStatusFailed(ILogger logger, string cameraId, string reason);

    [LoggerMessage(EventId = 5611, Level = LogLevel.Information, Message = "Alerts: purged {Count} alert events older than {Cutoff:O}", EventName = "AlertPurged")]
    public static partial void Purged(ILogger logger, int count, DateTimeOffset cutoff);

    /// <summary>The camera id logged for an event that concerns no single camera (a fleet rule's test).</summary>
    public const string NoCamera = "(fleet)";

    public static void RaisedEvent(ILogger logger, AlertEvent alert) =>
        Raised(logger, alert.Id, alert.RuleId, AlertPayload.Name(alert.Status), alert.CameraId ?? NoCamera, alert.Value);
}

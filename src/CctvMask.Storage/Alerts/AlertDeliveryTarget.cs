namespace CctvMask.Storage.Alerts;

/// <summary>A channel an event is to be delivered to (a webhook URL, or the MQTT topic).</summary>
public sealed record AlertDeliveryTarget(AlertChannel Channel, string Target);

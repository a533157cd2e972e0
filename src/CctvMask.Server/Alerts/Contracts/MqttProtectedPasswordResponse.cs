namespace CctvMask.Server.Alerts.Contracts;

/// <summary>The encrypted MQTT password, for <c>Alerts__Mqtt__ProtectedPassword</c>.</summary>
public sealed record MqttProtectedPasswordResponse(string ProtectedPassword);

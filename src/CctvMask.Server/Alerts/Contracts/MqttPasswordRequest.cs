namespace CctvMask.Server.Alerts.Contracts;

/// <summary>POST /api/alerts/mqtt/protect-password body: the MQTT password to encrypt (never stored, logged or returned).</summary>
public sealed record MqttPasswordRequest(string? Password)
{
    /// <summary>Never print the password.</summary>
    public override string ToString() => "MqttPasswordRequest { Password = *** }";
}

using System.ComponentModel.DataAnnotations;

namespace CctvMask.Server.Alerts.Mqtt;

/// <summary>
/// Section "Alerts:Mqtt". No <see cref="Host"/> = MQTT off. The password is never logged or returned.
/// </summary>
public sealed class MqttOptions
{
    public const string SectionName = "Alerts:Mqtt";

    /// <summary>Broker host name or address (null/empty: MQTT disabled).</summary>
    public string? Host { get; set; }

    [Range(1, 65_535)] public int Port { get; set; } = 1883;

    /// <summary>Connect with TLS (the broker's certificate is validated by the system's trust store, or <see cref="CaCertificateFile"/>).</summary>
    public bool UseTls { get; set; }

    /// <summary>PEM file of the private CA that signed the broker's certificate (with <see cref="UseTls"/>); trusted for the broker only.</summary>
    public string? CaCertificateFile { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>
    /// The password encrypted with the server's Data Protection key ring (from <c>POST /api/alerts/mqtt/protect-password</c>),
    /// so configuration files hold no plain-text password; instead of <see cref="Password"/>.
    /// </summary>
    public string? ProtectedPassword { get; set; }

    /// <summary>Every topic starts with this (e.g. cctvmask/alerts/…, cctvmask/cameras/{id}/status).</summary>
    [Required, RegularExpression(@"^[^#+\u0000]{1,100}$", ErrorMessage = "Alerts:Mqtt:TopicPrefix: 1–100 characters, no '#', '+' or NUL.")]
    public string TopicPrefix { get; set; } = "cctvmask";

    /// <summary>Client id (default: cctvmask- + machine name + process id).</summary>
    public string? ClientId { get; set; }

    /// <summary>Wait between reconnection attempts while the broker is unreachable.</summary>
    [Range(0.05, 600)] public double ReconnectDelaySeconds { get; set; } = 5;

    /// <summary>Timeout of a connect or publish.</summary>
    [Range(0.05, 300)] public double TimeoutSeconds { get; set; } = 10;

    /// <summary>Window of the retained per-camera compliance message (minutes).</summary>
    [Range(1, 1440)] public int ComplianceWindowMinutes { get; set; } = 5;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Host);
}

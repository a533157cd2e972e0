using System.ComponentModel.DataAnnotations;

namespace CctvMask.Server.Alerts.Delivery;

/// <summary>Section "Alerts:Webhooks": per-attempt timeout and the in-process retries of one delivery round.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Alerts:Webhooks";

    /// <summary>Timeout of one HTTP attempt.</summary>
    [Range(0.05, 300)] public double TimeoutSeconds { get; set; } = 10;

    /// <summary>Retries after the first attempt within one delivery round (exponential backoff with jitter).</summary>
    [Range(0, 10)] public int RetryAttempts { get; set; } = 3;

    /// <summary>Delay before the first retry; doubles per retry.</summary>
    [Range(0.001, 60)] public double RetryBaseDelaySeconds { get; set; } = 1;

    /// <summary>
    /// Allow webhook URLs on this machine, a private or link-local address (off: an admin key cannot make
    /// the server call its own or its neighbours' internal services; names are not resolved).
    /// </summary>
    public bool AllowPrivateTargets { get; set; }
}

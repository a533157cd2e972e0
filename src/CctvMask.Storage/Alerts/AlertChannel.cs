namespace CctvMask.Storage.Alerts;

/// <summary>Where an alert event is delivered.</summary>
public enum AlertChannel
{
    Webhook = 0,
    Mqtt = 1,
}

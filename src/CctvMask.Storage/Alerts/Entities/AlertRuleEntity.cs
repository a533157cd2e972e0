namespace CctvMask.Storage.Alerts.Entities;

/// <summary>Row of <c>alert_rules</c>; the webhook secret is a write-only column holding ciphertext (the server encrypts it) (see <see cref="AlertRuleRepository"/>).</summary>
internal sealed class AlertRuleEntity
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public AlertRuleKind Kind { get; set; }
    public AlertRuleScope Scope { get; set; }
    public string? CameraId { get; set; }
    public double Threshold { get; set; }
    public int WindowMinutes { get; set; }
    public int MinPeople { get; set; }
    public double Hysteresis { get; set; }
    public int CooldownSeconds { get; set; }
    public bool Enabled { get; set; }
    public string? WebhookUrl { get; set; }
    public string? WebhookSecret { get; set; }
    public bool Mqtt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

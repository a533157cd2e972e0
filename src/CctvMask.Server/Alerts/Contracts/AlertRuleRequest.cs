namespace CctvMask.Server.Alerts.Contracts;

/// <summary>
/// POST/PUT /api/alerts/rules body. <c>kind</c>: complianceBelow | unmaskedAbove | cameraNotRunning;
/// <c>scope</c>: camera (needs <c>cameraId</c>) | eachCamera (every enabled camera on its own) | fleet (all enabled
/// cameras as one aggregate); omitted = camera with a <c>cameraId</c>, eachCamera without. <c>threshold</c>/<c>hysteresis</c> are percent (complianceBelow),
/// people (unmaskedAbove) or seconds (cameraNotRunning). <c>webhookSecret</c> is write-only: required with a new
/// webhook URL, omitted on a PUT to keep the stored one.
/// </summary>
public sealed record AlertRuleRequest(
    string? Name,
    string? Kind,
    string? Scope = null,
    string? CameraId = null,
    double? Threshold = null,
    int? WindowMinutes = null,
    int? MinPeople = null,
    double? Hysteresis = null,
    int? CooldownSeconds = null,
    bool? Enabled = null,
    string? WebhookUrl = null,
    string? WebhookSecret = null,
    bool? Mqtt = null)
{
    /// <summary>Never print the secret (records print every property by default).</summary>
    public override string ToString() =>
        $"AlertRuleRequest {{ Name = {Name}, Kind = {Kind}, Scope = {Scope}, CameraId = {CameraId}, WebhookSecret = {(WebhookSecret is null ? "null" : "***")} }}";
}

using CctvMask.Server.Alerts.Delivery;
using CctvMask.Server.KeyRing;
using CctvMask.Storage.Alerts;
using CctvMask.Storage.Cameras;
using Microsoft.Extensions.Options;

namespace CctvMask.Server.Alerts;

/// <summary>What the alert handlers need, bound with [AsParameters].</summary>
public sealed record AlertServices(
    AlertRuleRepository Rules,
    AlertEventRepository Events,
    CameraRepository Cameras,
    AlertOutbox Outbox,
    [FromKeyedServices(SecretProtector.WebhookSecret)] SecretProtector Secrets,
    IOptions<AlertOptions> Options,
    IOptions<WebhookOptions> Webhooks);

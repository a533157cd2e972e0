using CctvMask.Server.KeyRing;
using CctvMask.Storage.Alerts;

namespace CctvMask.Server.Alerts.Delivery;

/// <summary>
/// At start-up, encrypts the webhook secrets stored in plain text by versions before encryption at rest (a
/// conditional update per rule, so servers starting together or a concurrent PUT are harmless). Secrets that are
/// ciphertext, readable or not, are left alone.
/// </summary>
public sealed class WebhookSecretUpgrade(AlertRuleRepository rules, [FromKeyedServices(SecretProtector.WebhookSecret)] SecretProtector protector, ILogger<WebhookSecretUpgrade> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var upgraded = 0;
            foreach (var (ruleId, stored) in await rules.ListWebhookSecretsAsync(cancellationToken).ConfigureAwait(false))
            {
                if (SecretProtector.LooksProtected(stored)) continue;
                if (await rules.ReplaceWebhookSecretAsync(ruleId, stored, protector.Protect(stored), cancellationToken).ConfigureAwait(false)) upgraded++;
            }
            if (upgraded > 0) AlertSecretLog.SecretsEncrypted(logger, upgraded);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // A database that is down at start must not keep the server down: the next start tries again.
            AlertSecretLog.SecretsEncryptionFailed(logger, ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

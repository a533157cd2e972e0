using CctvMask.Server.Alerts.Delivery;
using CctvMask.Server.Alerts.Evaluation;
using CctvMask.Server.Alerts.Mqtt;
using CctvMask.Server.KeyRing;
using CctvMask.Storage.Alerts;
using Microsoft.AspNetCore.DataProtection;

namespace CctvMask.Server.Alerts;

/// <summary>Alerts: options (validated at start), stores, outbox, the lease, the evaluator, the delivery worker, MQTT.</summary>
public static class AlertsExtensions
{
    public static WebApplicationBuilder AddCctvAlerts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => o.RedeliveryMaxSeconds >= o.RedeliveryBaseSeconds, "Alerts:RedeliveryMaxSeconds must be ≥ Alerts:RedeliveryBaseSeconds.")
            .Validate(o => o.LeaseSeconds > o.EvaluationIntervalSeconds, "Alerts:LeaseSeconds must be longer than Alerts:EvaluationIntervalSeconds.")
            .ValidateOnStart();
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MqttOptions>().BindConfiguration(MqttOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => !string.IsNullOrEmpty(o.Username) || (string.IsNullOrEmpty(o.Password) && string.IsNullOrEmpty(o.ProtectedPassword)),
                "Alerts:Mqtt:Password and Alerts:Mqtt:ProtectedPassword need Alerts:Mqtt:Username.")
            .Validate(o => string.IsNullOrEmpty(o.Password) || string.IsNullOrEmpty(o.ProtectedPassword),
                "Set Alerts:Mqtt:Password or Alerts:Mqtt:ProtectedPassword, not both.")
            .Validate(o => string.IsNullOrEmpty(o.CaCertificateFile) || (o.UseTls && File.Exists(o.CaCertificateFile)),
                "Alerts:Mqtt:CaCertificateFile needs Alerts:Mqtt:UseTls and must name an existing PEM file.")
            .ValidateOnStart();

        services.AddCctvAlertStorage();
        services.AddSingleton<AlertMetrics>();
        services.AddSingleton<AlertDeliverySignal>();
        services.AddSingleton<AlertOutbox>();
        services.AddSingleton<AlertLeadership>();
        services.AddSingleton<WebhookSender>();
        foreach (var purpose in new[] { SecretProtector.WebhookSecret, SecretProtector.MqttPassword })
            services.AddKeyedSingleton(purpose, (sp, _) => new SecretProtector(sp.GetRequiredService<IDataProtectionProvider>(), purpose));
        services.AddHostedService<WebhookSecretUpgrade>();
        services.AddSingleton<MqttCameraStatusPublisher>();
        services.AddHttpClient(WebhookSender.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
            // The Polly pipeline of WebhookSender logs each attempt itself; the factory's per-request lines would carry the URL.
            .RemoveAllLoggers();
        services.AddSingleton<MqttPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<MqttPublisher>());
        services.AddSingleton<AlertEvaluationService>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertEvaluationService>());
        services.AddSingleton<AlertDeliveryService>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertDeliveryService>());
        return builder;
    }
}

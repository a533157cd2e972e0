using CctvMask.Server.Tests.Infrastructure;

namespace CctvMask.Server.Tests.Alerts;

/// <summary>Short alert timings for test servers (production defaults are seconds to minutes).</summary>
public static class AlertServerSettings
{
    public static ServerFactory WithFastAlerts(this ServerFactory factory) => factory
        .With("Alerts:EvaluationIntervalSeconds", "0.5")
        .With("Alerts:LeaseSeconds", "5")
        .With("Alerts:DeliveryPollSeconds", "0.1")
        .With("Alerts:RedeliveryBaseSeconds", "0.3")
        .With("Alerts:RedeliveryMaxSeconds", "1")
        .With("Alerts:Webhooks:AllowPrivateTargets", "true")
        .With("Alerts:Webhooks:RetryAttempts", "2")
        .With("Alerts:Webhooks:RetryBaseDelaySeconds", "0.05")
        .With("Alerts:Webhooks:TimeoutSeconds", "2");
}

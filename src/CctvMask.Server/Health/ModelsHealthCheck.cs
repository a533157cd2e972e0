using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CctvMask.Server.Health;

/// <summary>Ready only when the face detector and mask classifier are loaded.</summary>
public sealed class ModelsHealthCheck(IModelProbe probe) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(probe.LoadError() is { } error
            ? HealthCheckResult.Unhealthy(error)
            : HealthCheckResult.Healthy("Models loaded."));
}

using CctvMask.Storage.Database;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CctvMask.Server.Health;

/// <summary>Ready only when the database answers and holds the schema.</summary>
public sealed class DatabaseHealthCheck(CctvDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy("Database reachable.")
            : HealthCheckResult.Unhealthy("Database not reachable.");
}

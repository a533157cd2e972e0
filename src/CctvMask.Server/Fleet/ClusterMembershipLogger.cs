using Orleans.Runtime;

namespace CctvMask.Server.Fleet;

/// <summary>
/// Fleet mode: logs every membership change this silo observes (a silo joining, becoming active,
/// shutting down or being declared dead), so an operator sees in the log when and why cameras moved.
/// </summary>
public sealed class ClusterMembershipLogger(
    IClusterMembershipService membership,
    ILocalSiloDetails local,
    ILogger<ClusterMembershipLogger> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        ClusterMembershipSnapshot? previous = null;
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken).ConfigureAwait(false))
            {
                if (previous is null) FleetLog.LocalSilo(logger, local.SiloAddress.ToString(), local.Name, local.ClusterId);
                var update = previous is null ? snapshot.AsUpdate() : snapshot.CreateUpdate(previous);
                foreach (var change in update.Changes)
                    FleetLog.MemberChanged(logger, change.SiloAddress.ToString(), change.Name, change.Status.ToString(), local.ClusterId);
                previous = snapshot;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}

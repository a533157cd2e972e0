using System.ComponentModel.DataAnnotations;

namespace CctvMask.Server.Hosting;

/// <summary>
/// Failure detection in fleet mode (section "Orleans:Membership"); these decide how fast cameras
/// move off a silo that died hard. A silo is suspected after <see cref="NumMissedProbesLimit"/>
/// failed probes, each given up after about <see cref="ProbeTimeoutSeconds"/>, and declared dead
/// once enough silos voted; the reconcilers then re-create its cameras' grains elsewhere within one
/// pass. Defaults: ~10 s to detect, ~15–25 s until the cameras stream again. Shorter probes make
/// false suspicions likelier on a loaded machine (a long GC pause looks like a dead silo).
/// </summary>
public sealed class FleetMembershipOptions : IValidatableObject
{
    public const string SectionName = "Orleans:Membership";

    /// <summary>Initial timeout of one liveness probe (Orleans adapts it between half and four times this).</summary>
    [Range(0.5, 60)] public double ProbeTimeoutSeconds { get; set; } = 2;

    /// <summary>Missed probes after which a silo is suspected.</summary>
    [Range(1, 10)] public int NumMissedProbesLimit { get; set; } = 3;

    /// <summary>Silos each silo probes.</summary>
    [Range(1, 10)] public int NumProbedSilos { get; set; } = 3;

    /// <summary>Suspicions needed to declare a silo dead (Orleans lowers it when fewer silos are alive).</summary>
    [Range(1, 10)] public int NumVotesForDeathDeclaration { get; set; } = 2;

    /// <summary>How often each silo re-reads the membership table (gossip usually tells it sooner).</summary>
    [Range(1, 600)] public double TableRefreshSeconds { get; set; } = 10;

    /// <summary>
    /// Heartbeat period in the table; an entry unrefreshed for a few periods counts as stale (e.g. a
    /// silo that died while nobody was left to probe it).
    /// </summary>
    [Range(1, 3600)] public double IAmAlivePublishSeconds { get; set; } = 30;

    /// <summary>
    /// Dead silos' entries are removed from the table after this long (at least an hour: Orleans keeps
    /// them that long anyway so a late-joining silo can learn it was declared dead).
    /// </summary>
    [Range(60, 10080)] public double DefunctSiloExpirationMinutes { get; set; } = 1440;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (NumVotesForDeathDeclaration > NumProbedSilos)
            yield return new ValidationResult(
                $"NumVotesForDeathDeclaration ({NumVotesForDeathDeclaration}) must not exceed NumProbedSilos ({NumProbedSilos}): only probing silos vote.",
                [nameof(NumVotesForDeathDeclaration)]);
    }
}

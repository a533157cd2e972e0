namespace CctvMask.Server.Hosting;

/// <summary>How silos find each other.</summary>
public enum ClusteringMode
{
    /// <summary>One silo on this machine (embedded default).</summary>
    Localhost,

    /// <summary>Membership in Redis (fleet mode; not wired in this version).</summary>
    Redis,
}

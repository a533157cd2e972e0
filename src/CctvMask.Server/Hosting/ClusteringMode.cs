namespace CctvMask.Server.Hosting;

/// <summary>How silos find each other (Orleans:Clustering).</summary>
public enum ClusteringMode
{
    /// <summary>One silo on this machine (embedded default).</summary>
    Localhost,

    /// <summary>Fleet mode: membership in Redis (Orleans:RedisConnectionString); any number of silos.</summary>
    Redis,
}

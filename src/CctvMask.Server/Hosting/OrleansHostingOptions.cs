using System.ComponentModel.DataAnnotations;

namespace CctvMask.Server.Hosting;

/// <summary>
/// Silo settings (section "Orleans"). Rules spanning fields (Redis needs a connection string, the
/// advertised address must be an IP) are in <see cref="OrleansHostingOptionsValidator"/>.
/// </summary>
public sealed class OrleansHostingOptions
{
    public const string SectionName = "Orleans";

    public ClusteringMode Clustering { get; set; } = ClusteringMode.Localhost;

    [Range(1, 65535)] public int SiloPort { get; set; } = 11111;
    [Range(1, 65535)] public int GatewayPort { get; set; } = 30000;
    [Required] public string ClusterId { get; set; } = "cctvmask";
    [Required] public string ServiceId { get; set; } = "cctvmask";

    /// <summary>StackExchange.Redis connection string of the membership store; required when <see cref="Clustering"/> is Redis.</summary>
    public string? RedisConnectionString { get; set; }

    /// <summary>
    /// The IP other silos use to reach this one (Redis mode). Default: the first non-loopback IPv4 of
    /// the host (loopback when it has no other), or the pod IP under Kubernetes.
    /// </summary>
    public string? AdvertisedIPAddress { get; set; }
}

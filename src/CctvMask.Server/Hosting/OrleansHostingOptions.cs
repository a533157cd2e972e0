using System.ComponentModel.DataAnnotations;

namespace CctvMask.Server.Hosting;

/// <summary>Silo settings (section "Orleans").</summary>
public sealed class OrleansHostingOptions
{
    public const string SectionName = "Orleans";

    public ClusteringMode Clustering { get; set; } = ClusteringMode.Localhost;

    [Range(1, 65535)] public int SiloPort { get; set; } = 11111;
    [Range(1, 65535)] public int GatewayPort { get; set; } = 30000;
    [Required] public string ClusterId { get; set; } = "cctvmask";
    [Required] public string ServiceId { get; set; } = "cctvmask";
}

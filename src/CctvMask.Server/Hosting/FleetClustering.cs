using Orleans.Configuration;
using StackExchange.Redis;

namespace CctvMask.Server.Hosting;

/// <summary>
/// Fleet mode: silo membership in Redis, the advertised address, failure-detection timings and,
/// inside Kubernetes, Orleans' Kubernetes hosting.
/// </summary>
/// <remarks>
/// Kubernetes (only when <c>KUBERNETES_SERVICE_HOST</c> is set, which the kubelet does in every pod):
/// <c>UseKubernetesHosting</c> reads <c>POD_NAME</c>, <c>POD_NAMESPACE</c> and <c>POD_IP</c> (set them
/// from the downward API: metadata.name, metadata.namespace, status.podIP); the silo advertises the
/// pod IP unless Orleans:AdvertisedIPAddress is set, and listens on all interfaces. The pod must carry
/// the labels <c>orleans/serviceId</c> and <c>orleans/clusterId</c> equal to Orleans:ServiceId and
/// Orleans:ClusterId (or set ORLEANS_SERVICE_ID / ORLEANS_CLUSTER_ID, which then win), and its service
/// account needs get, list, watch and patch on pods: the agent declares silos dead when their pod is
/// gone (and silos that are not pods at all, so a cluster is either all pods or none).
/// </remarks>
public static class FleetClustering
{
    /// <summary>The variable the kubelet sets in every pod.</summary>
    public const string KubernetesVariable = "KUBERNETES_SERVICE_HOST";

    /// <summary>Running inside a Kubernetes pod (environment variables are part of configuration).</summary>
    public static bool IsKubernetes(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[KubernetesVariable]);

    public static void Configure(ISiloBuilder silo, OrleansHostingOptions options, FleetMembershipOptions membership, bool kubernetes)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(membership);

        // Under Kubernetes the pod IP is the default; elsewhere, this host's first non-loopback IPv4.
        var advertised = options.AdvertisedIPAddress is { } text && OrleansHostingOptionsValidator.TryParseAddress(text, out var ip)
            ? ip
            : kubernetes ? null : AdvertisedAddress.OfThisHost();
        silo.Configure<EndpointOptions>(e =>
        {
            e.SiloPort = options.SiloPort;
            e.GatewayPort = options.GatewayPort;
            if (advertised is not null) e.AdvertisedIPAddress = advertised;
        });
        silo.Configure<ClusterOptions>(c =>
        {
            c.ClusterId = options.ClusterId;
            c.ServiceId = options.ServiceId;
        });
        var redis = options.RedisConnectionString!;
        silo.UseRedisClustering(r => r.ConfigurationOptions = ConfigurationOptions.Parse(redis));
        silo.Configure<ClusterMembershipOptions>(m =>
        {
            m.ProbeTimeout = TimeSpan.FromSeconds(membership.ProbeTimeoutSeconds);
            m.NumMissedProbesLimit = membership.NumMissedProbesLimit;
            m.NumProbedSilos = membership.NumProbedSilos;
            m.NumVotesForDeathDeclaration = membership.NumVotesForDeathDeclaration;
            m.TableRefreshTimeout = TimeSpan.FromSeconds(membership.TableRefreshSeconds);
            m.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(membership.IAmAlivePublishSeconds);
            m.DefunctSiloExpiration = TimeSpan.FromMinutes(membership.DefunctSiloExpirationMinutes);
        });
        if (kubernetes) silo.UseKubernetesHosting();
    }
}

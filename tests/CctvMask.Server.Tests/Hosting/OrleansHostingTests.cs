using System.Net;
using CctvMask.Server.Fleet;
using CctvMask.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization.Configuration;

namespace CctvMask.Server.Tests.Hosting;

/// <summary>
/// Silo wiring without starting a silo: the options contract (Orleans:Clustering, RedisConnectionString,
/// AdvertisedIPAddress, Membership), its error messages, and what each mode registers.
/// </summary>
public sealed class OrleansHostingTests
{
    private const string RedisAssembly = "Orleans.Clustering.Redis";
    private const string KubernetesAssembly = "Orleans.Hosting.Kubernetes";

    [Fact]
    public void Redis_mode_without_a_connection_string_fails_at_start_naming_the_key()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Build(("Orleans:Clustering", "Redis")));
        Assert.Contains("Orleans:RedisConnectionString is required when Orleans:Clustering=Redis", ex.Message);
    }

    [Fact]
    public void An_unknown_clustering_mode_fails_at_start_naming_the_key()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Build(("Orleans:Clustering", "Consul")));
        Assert.Contains("'Orleans:Clustering'", ex.Message);
    }

    [Fact]
    public void A_malformed_redis_connection_string_is_rejected_without_echoing_it()
    {
        var errors = OrleansHostingOptionsValidator.Errors(new OrleansHostingOptions
        {
            Clustering = ClusteringMode.Redis,
            RedisConnectionString = "redis:6379,password=hunter2secret,connectTimeout=soon",
        });
        var error = Assert.Single(errors);
        Assert.StartsWith("Orleans:RedisConnectionString is not a valid StackExchange.Redis connection string", error);
        Assert.DoesNotContain("hunter2secret", error);
    }

    [Theory]
    [InlineData("not-an-ip")]
    [InlineData("10.0.0")]
    [InlineData("300.1.1.1")]
    [InlineData("0.0.0.0")]
    public void A_bad_advertised_address_fails_at_start_naming_the_key(string address)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Build(
            ("Orleans:Clustering", "Redis"), ("Orleans:RedisConnectionString", "127.0.0.1:6379"), ("Orleans:AdvertisedIPAddress", address)));
        Assert.Contains($"Orleans:AdvertisedIPAddress '{address}' is not a usable IP address", ex.Message);
    }

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("fd00::5")]
    [InlineData("127.0.0.1")]
    public void Valid_advertised_addresses_pass(string address)
    {
        Assert.True(OrleansHostingOptionsValidator.TryParseAddress(address, out var parsed));
        Assert.Equal(IPAddress.Parse(address), parsed);
    }

    [Fact]
    public void Membership_timings_are_validated()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Build(
            ("Orleans:Clustering", "Redis"), ("Orleans:RedisConnectionString", "127.0.0.1:6379"),
            ("Orleans:Membership:ProbeTimeoutSeconds", "0"), ("Orleans:Membership:NumVotesForDeathDeclaration", "5")));
        Assert.Contains("ProbeTimeoutSeconds", ex.Message);
        // Cross-field rule (votes vs probed silos) runs once the single-field ranges pass.
        var votes = Assert.Throws<OptionsValidationException>(() => Build(
            ("Orleans:Clustering", "Redis"), ("Orleans:RedisConnectionString", "127.0.0.1:6379"),
            ("Orleans:Membership:NumProbedSilos", "2"), ("Orleans:Membership:NumVotesForDeathDeclaration", "3")));
        Assert.Contains("NumVotesForDeathDeclaration (3) must not exceed NumProbedSilos (2)", votes.Message);
    }

    [Fact]
    public async Task Localhost_mode_is_the_default_and_unchanged()
    {
        await using var app = Build(("Orleans:SiloPort", "21001"), ("Orleans:GatewayPort", "21002"));
        var endpoints = app.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;
        Assert.Equal(IPAddress.Loopback, endpoints.AdvertisedIPAddress);
        Assert.Equal(21001, endpoints.SiloPort);
        Assert.Equal(21002, endpoints.GatewayPort);
        var cluster = app.Services.GetRequiredService<IOptions<ClusterOptions>>().Value;
        Assert.Equal("cctvmask", cluster.ClusterId);
        Assert.Equal("cctvmask", cluster.ServiceId);
        Assert.False(app.Registers<ClusterMembershipLogger>());
        Assert.Empty(app.From(RedisAssembly));
    }

    [Fact]
    public async Task An_explicit_Localhost_value_is_accepted()
    {
        // Orleans 10 reads "Orleans:Clustering" itself when given the app configuration; the server must not let it.
        await using var app = Build(("Orleans:Clustering", "Localhost"));
        Assert.Equal(IPAddress.Loopback, app.Services.GetRequiredService<IOptions<EndpointOptions>>().Value.AdvertisedIPAddress);
    }

    [Fact]
    public async Task Redis_mode_applies_address_ports_cluster_and_membership_timings()
    {
        await using var app = Build(
            ("Orleans:Clustering", "Redis"), ("Orleans:RedisConnectionString", "127.0.0.1:6379"),
            ("Orleans:AdvertisedIPAddress", "10.9.8.7"), ("Orleans:SiloPort", "21011"), ("Orleans:GatewayPort", "21012"),
            ("Orleans:ClusterId", "site-a"), ("Orleans:ServiceId", "cctv-prod"),
            ("Orleans:Membership:ProbeTimeoutSeconds", "3"), ("Orleans:Membership:NumMissedProbesLimit", "4"));
        var endpoints = app.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;
        Assert.Equal(IPAddress.Parse("10.9.8.7"), endpoints.AdvertisedIPAddress);
        Assert.Equal(21011, endpoints.SiloPort);
        Assert.Equal(21012, endpoints.GatewayPort);
        var cluster = app.Services.GetRequiredService<IOptions<ClusterOptions>>().Value;
        Assert.Equal("site-a", cluster.ClusterId);
        Assert.Equal("cctv-prod", cluster.ServiceId);
        var membership = app.Services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(3), membership.ProbeTimeout);
        Assert.Equal(4, membership.NumMissedProbesLimit);
        Assert.Equal(TimeSpan.FromSeconds(new FleetMembershipOptions().TableRefreshSeconds), membership.TableRefreshTimeout);
        Assert.NotEmpty(app.From(RedisAssembly));
        Assert.True(app.Registers<ClusterMembershipLogger>());
        // Not in a pod: no Kubernetes hosting.
        Assert.Empty(app.From(KubernetesAssembly));
    }

    [Fact]
    public async Task Redis_mode_without_an_address_advertises_this_hosts_choice()
    {
        await using var app = Build(("Orleans:Clustering", "Redis"), ("Orleans:RedisConnectionString", "127.0.0.1:6379"));
        var advertised = app.Services.GetRequiredService<IOptions<EndpointOptions>>().Value.AdvertisedIPAddress;
        Assert.Equal(AdvertisedAddress.OfThisHost(), advertised);
    }

    [Fact]
    public async Task Kubernetes_hosting_is_added_only_inside_a_pod()
    {
        await using var app = Build(
            ("Orleans:Clustering", "Redis"), ("Orleans:RedisConnectionString", "127.0.0.1:6379"),
            (FleetClustering.KubernetesVariable, "10.96.0.1"));
        Assert.NotEmpty(app.From(KubernetesAssembly));
    }

    [Fact]
    public void The_default_address_is_the_first_non_loopback_IPv4_else_loopback()
    {
        IPAddress[] mixed = [IPAddress.Loopback, IPAddress.Parse("fe80::1"), IPAddress.Parse("192.168.1.20"), IPAddress.Parse("10.0.0.4")];
        Assert.Equal(IPAddress.Parse("192.168.1.20"), AdvertisedAddress.Choose(mixed));
        Assert.Equal(IPAddress.Loopback, AdvertisedAddress.Choose([IPAddress.IPv6Loopback, IPAddress.Loopback]));
        Assert.Null(AdvertisedAddress.Choose([IPAddress.Parse("fd00::1")]));
    }

    private static Built Build(params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" }); // no build-time DI validation: storage is not registered here
        // Blank unless a test sets it, even when the tests themselves run in a pod.
        builder.Configuration.AddInMemoryCollection([KeyValuePair.Create(FleetClustering.KubernetesVariable, (string?)"")]);
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.AddCctvOrleans();
        var descriptors = builder.Services.ToList();
        return new Built(builder.Build(), descriptors);
    }

    /// <summary>A built (never started) app and the registrations it was built from.</summary>
    private sealed class Built(WebApplication app, IReadOnlyList<ServiceDescriptor> descriptors) : IAsyncDisposable
    {
        public IServiceProvider Services => app.Services;

        /// <summary>
        /// Registrations whose service or implementation type comes from <paramref name="assembly"/>, except
        /// the serializer's type manifests (every referenced Orleans assembly registers one).
        /// </summary>
        public IEnumerable<ServiceDescriptor> From(string assembly) => descriptors.Where(d => d.ServiceType != typeof(IConfigureOptions<TypeManifestOptions>)).Where(d =>
            d.ServiceType.Assembly.GetName().Name == assembly
            || d.ServiceType.GenericTypeArguments.Any(t => t.Assembly.GetName().Name == assembly)
            || (d.IsKeyedService ? d.KeyedImplementationType : d.ImplementationType)?.Assembly.GetName().Name == assembly);

        public bool Registers<T>() => descriptors.Any(d => d.ImplementationType == typeof(T));

        public ValueTask DisposeAsync() => app.DisposeAsync();
    }
}

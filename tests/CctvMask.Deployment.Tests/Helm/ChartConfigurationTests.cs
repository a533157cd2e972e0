using System.Text;
using CctvMask.Deployment.Tests.Configuration;
using CctvMask.Deployment.Tests.Rendering;
using CctvMask.Server.Auth;
using CctvMask.Server.Hosting;
using CctvMask.Storage.Hosting;
using k8s.Models;

namespace CctvMask.Deployment.Tests.Helm;

/// <summary>The configuration the chart hands the server is configuration the server reads.</summary>
public sealed class ChartConfigurationTests
{
    public static TheoryData<string> ValueFiles => new() { "default-values.yaml", "scaled-values.yaml" };

    [Theory]
    [MemberData(nameof(ValueFiles))]
    public void Every_server_variable_is_a_real_configuration_key_with_a_valid_value(string values)
    {
        var manifests = RenderedManifests.Load(HelmRenderer.Render(HelmRenderer.CiValues(values)));
        var environment = manifests.ServerEnvironment();

        var problems = environment.Values
            .Select(v => ConfigurationKeyMap.Problem(v.Name, v.ValueFrom is null ? v.Value ?? "" : null))
            .OfType<string>()
            .ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));

        // Fleet mode: PostgreSQL, Redis clustering, keys from secrets.
        Assert.Equal(nameof(StorageProvider.Postgres), environment["Storage__Provider"].Value);
        Assert.Equal(nameof(ClusteringMode.Redis), environment["Orleans__Clustering"].Value);
        foreach (var secret in new[] { "Storage__ConnectionString", "Orleans__RedisConnectionString", "Auth__AdminKey" })
            Assert.NotNull(environment[secret].ValueFrom?.SecretKeyRef);
    }

    [Fact]
    public void Extra_config_entries_become_variables_and_are_checked_like_the_others()
    {
        var manifests = RenderedManifests.Load(HelmRenderer.Render(HelmRenderer.CiValues("scaled-values.yaml")));

        Assert.Equal("90", manifests.ConfigMap.Data["Storage__RetentionDays"]);
        Assert.Equal("16", manifests.ConfigMap.Data["Cctv__Inference__MaxBatchSize"]);
    }

    [Theory]
    [MemberData(nameof(ValueFiles))]
    public void Orleans_pod_labels_equal_the_configured_service_and_cluster_ids(string values)
    {
        var manifests = RenderedManifests.Load(HelmRenderer.Render(HelmRenderer.CiValues(values)));
        var environment = manifests.ServerEnvironment();
        var labels = manifests.Deployment.Spec.Template.Metadata.Labels;

        Assert.Equal(environment["Orleans__ServiceId"].Value, labels["orleans/serviceId"]);
        Assert.Equal(environment["Orleans__ClusterId"].Value, labels["orleans/clusterId"]);
        // Orleans' Kubernetes hosting reads the same values from the labels through the downward API.
        Assert.Equal("metadata.labels['orleans/serviceId']", environment["ORLEANS_SERVICE_ID"].ValueFrom.FieldRef.FieldPath);
        Assert.Equal("metadata.labels['orleans/clusterId']", environment["ORLEANS_CLUSTER_ID"].ValueFrom.FieldRef.FieldPath);
        Assert.Equal("metadata.name", environment["POD_NAME"].ValueFrom.FieldRef.FieldPath);
        Assert.Equal("metadata.namespace", environment["POD_NAMESPACE"].ValueFrom.FieldRef.FieldPath);
        Assert.Equal("status.podIP", environment["POD_IP"].ValueFrom.FieldRef.FieldPath);
        // The silo and gateway ports the container opens are the configured ones.
        var ports = manifests.Server.Ports.ToDictionary(p => p.Name, p => p.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(environment["Orleans__SiloPort"].Value, ports["silo"]);
        Assert.Equal(environment["Orleans__GatewayPort"].Value, ports["gateway"]);
    }

    [Fact]
    public void Secret_references_resolve_to_the_charts_secret_or_to_the_named_existing_ones()
    {
        var own = RenderedManifests.Load(HelmRenderer.Render(HelmRenderer.CiValues("default-values.yaml")));
        var secret = own.Single<V1Secret>();
        foreach (var reference in own.Server.Env.Where(e => e.ValueFrom?.SecretKeyRef is not null).Select(e => e.ValueFrom.SecretKeyRef))
        {
            Assert.Equal(secret.Metadata.Name, reference.Name);
            Assert.Contains(reference.Key, secret.Data.Keys);
        }
        Assert.Equal("Host=postgres;Port=5432;Username=cctvmask;Password=change-me;Database=cctvmask",
            Encoding.UTF8.GetString(secret.Data["postgres-connection-string"]));

        var existing = RenderedManifests.Load(HelmRenderer.Render(HelmRenderer.CiValues("scaled-values.yaml")));
        var refs = existing.Server.Env.Where(e => e.ValueFrom?.SecretKeyRef is not null)
            .ToDictionary(e => e.Name, e => (e.ValueFrom.SecretKeyRef.Name, e.ValueFrom.SecretKeyRef.Key));
        Assert.Equal(("cctvmask-db", "connection-string"), refs["Storage__ConnectionString"]);
        Assert.Equal(("cctvmask-redis", "connection-string"), refs["Orleans__RedisConnectionString"]);
        Assert.Equal(("cctvmask-api-keys", "admin-key"), refs["Auth__AdminKey"]);
    }

    [Fact]
    public void Generated_api_keys_pass_the_servers_own_validation()
    {
        var secret = RenderedManifests.Load(HelmRenderer.Render(HelmRenderer.CiValues("default-values.yaml"))).Single<V1Secret>();
        var options = new ApiKeyOptions
        {
            AdminKey = Encoding.UTF8.GetString(secret.Data["admin-key"]),
            ViewerKey = Encoding.UTF8.GetString(secret.Data["viewer-key"]),
        };

        var result = new ApiKeyOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.True(options.AdminKey.Length >= options.MinKeyLength);
    }

    [Theory]
    [InlineData("", "database.connectionString or database.existingSecret is required")]
    [InlineData("database:\n  existingSecret: db\n", "redis.connectionString or redis.existingSecret is required")]
    [InlineData("database:\n  existingSecret: db\nredis:\n  existingSecret: redis\nauth:\n  adminKey: same-key-0123456789\n  viewerKey: same-key-0123456789\n",
        "auth.adminKey and auth.viewerKey must differ")]
    public void Missing_or_inconsistent_values_fail_rendering_with_a_clear_message(string overrides, string message)
    {
        var result = HelmRenderer.TryRender([HelmRenderer.WriteValues(overrides)]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.StandardError, StringComparison.Ordinal);
        Assert.Empty(result.StandardOutput);
    }

    [Fact]
    public void The_charts_key_length_rule_is_the_servers()
    {
        int min = new ApiKeyOptions().MinKeyLength;
        string Values(int length) => HelmRenderer.WriteValues($"auth:\n  adminKey: {new string('k', length)}\n");

        var tooShort = HelmRenderer.TryRender([HelmRenderer.CiValues("default-values.yaml"), Values(min - 1)]);
        var justRight = HelmRenderer.TryRender([HelmRenderer.CiValues("default-values.yaml"), Values(min)]);

        Assert.NotEqual(0, tooShort.ExitCode);
        Assert.Contains($"at least {min} characters", tooShort.StandardError, StringComparison.Ordinal);
        Assert.Equal(0, justRight.ExitCode);
    }
}

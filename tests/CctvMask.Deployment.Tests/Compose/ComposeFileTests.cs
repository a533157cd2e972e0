using CctvMask.Deployment.Tests.Configuration;
using CctvMask.Server.Hosting;
using CctvMask.Storage.Hosting;
using CctvMask.Testing;
using CctvMask.Vision.Models;

namespace CctvMask.Deployment.Tests.Compose;

/// <summary>docker-compose.yml runs the fleet the way the server is configured and exposes nothing by default.</summary>
public sealed class ComposeFileTests
{
    private static readonly ComposeFile Compose = ComposeFile.Load();

    private static IEnumerable<KeyValuePair<string, Dictionary<object, object>>> Servers =>
        Compose.Services.Where(s => s.Key.StartsWith("server", StringComparison.Ordinal));

    [Fact]
    public void Two_silos_run_in_fleet_mode_with_real_configuration_keys()
    {
        var servers = Servers.ToList();
        Assert.True(servers.Count >= 2, "two silos at least");

        foreach (var (name, service) in servers)
        {
            var environment = ComposeFile.Environment(service);
            var problems = environment.Select(kv => ConfigurationKeyMap.Problem(kv.Key, kv.Value)).OfType<string>().ToList();
            Assert.True(problems.Count == 0, $"{name}: {string.Join("; ", problems)}");

            Assert.Equal(nameof(StorageProvider.Postgres), environment["Storage__Provider"]);
            Assert.Equal(nameof(ClusteringMode.Redis), environment["Orleans__Clustering"]);
            // Connection strings name the compose services.
            Assert.Contains("Host=postgres;", environment["Storage__ConnectionString"], StringComparison.Ordinal);
            Assert.StartsWith("redis:", environment["Orleans__RedisConnectionString"], StringComparison.Ordinal);
            Assert.Contains("postgres", Compose.Services.Keys);
            Assert.Contains("redis", Compose.Services.Keys);
        }
        // One cluster: same ids on every silo; separate data folders.
        Assert.Single(servers.Select(s => ComposeFile.Environment(s.Value)["Orleans__ClusterId"]).Distinct());
        Assert.Single(servers.Select(s => ComposeFile.Environment(s.Value)["Orleans__ServiceId"]).Distinct());
        var dataVolumes = servers.Select(s => ComposeFile.List(s.Value["volumes"]).Cast<string>().Single(v => v.EndsWith(":/data", StringComparison.Ordinal))).ToList();
        Assert.Equal(dataVolumes.Count, dataVolumes.Distinct().Count());
    }

    [Fact]
    public void The_admin_key_comes_from_the_environment_and_is_required()
    {
        Assert.Contains("Auth__AdminKey: ${CCTVMASK_ADMIN_KEY:?", Compose.Text, StringComparison.Ordinal);
        Assert.All(Servers, s => Assert.Equal(ComposeFile.RequiredPlaceholder, ComposeFile.Environment(s.Value)["Auth__AdminKey"]));
    }

    [Fact]
    public void No_port_is_published_beyond_loopback()
    {
        var published = 0;
        foreach (var (name, service) in Compose.Services)
        {
            if (!service.TryGetValue("ports", out var ports)) continue;
            foreach (var port in ComposeFile.List(ports))
            {
                published++;
                if (port is string shortForm)
                    Assert.True(shortForm.StartsWith("127.0.0.1:", StringComparison.Ordinal), $"{name} publishes {shortForm}");
                else
                    Assert.Equal("127.0.0.1", ComposeFile.Map(port)["host_ip"]);
            }
        }
        Assert.True(published >= 2);
    }

    [Fact]
    public void Dependencies_wait_for_health_and_for_the_model_download()
    {
        foreach (var (name, service) in Servers)
        {
            var dependsOn = ComposeFile.Map(service["depends_on"]);
            string Condition(string target) => (string)ComposeFile.Map(dependsOn[target])["condition"];
            Assert.Equal("service_healthy", Condition("postgres"));
            Assert.Equal("service_healthy", Condition("redis"));
            Assert.Equal("service_completed_successfully", Condition("models"));
            _ = name;
        }
        // Whatever is waited on as healthy has a healthcheck that is not disabled.
        foreach (var (name, service) in Compose.Services)
        {
            if (!service.TryGetValue("depends_on", out var node) || node is not Dictionary<object, object> dependsOn) continue;
            foreach (var (target, condition) in dependsOn)
            {
                if ((string)ComposeFile.Map(condition)["condition"] != "service_healthy") continue;
                var health = ComposeFile.Map(Compose.Services[(string)target]["healthcheck"]);
                Assert.False(health.TryGetValue("disable", out var disabled) && disabled is "true", $"{name} waits for {target}, whose healthcheck is disabled");
                Assert.NotEmpty(ComposeFile.List(health["test"]));
            }
        }
    }

    [Fact]
    public void Server_healthchecks_ask_readiness_on_the_servers_port()
    {
        foreach (var (name, service) in Servers)
        {
            var test = ComposeFile.List(ComposeFile.Map(service["healthcheck"])["test"]).Cast<string>().ToList();
            var port = ComposeFile.Environment(service)["ASPNETCORE_HTTP_PORTS"];
            Assert.Contains($"http://127.0.0.1:{port}/readyz", test);
            Assert.Contains(ComposeFile.List(service["ports"]).Cast<string>(), p => p.EndsWith($":{port}", StringComparison.Ordinal));
            _ = name;
        }
    }

    [Fact]
    public void The_models_service_fills_the_volume_the_servers_read()
    {
        var models = Compose.Services["models"];
        Assert.Equal(["/app/pull-models.sh"], ComposeFile.List(models["entrypoint"]).Cast<string>());
        var folder = ComposeFile.Environment(models)[ModelLocator.EnvironmentVariable];
        Assert.Contains($"models:{folder}", ComposeFile.List(models["volumes"]).Cast<string>());
        Assert.Equal("no", models["restart"]);
        Assert.True(File.Exists(Path.Combine(TestEnvironment.RepoRoot, "infra", "docker", "pull-models.sh")));

        foreach (var (_, service) in Servers)
        {
            Assert.Equal(folder, ComposeFile.Environment(service)[ModelLocator.EnvironmentVariable]);
            Assert.Contains($"models:{folder}:ro", ComposeFile.List(service["volumes"]).Cast<string>());
        }
    }

    [Fact]
    public void The_camera_simulator_is_opt_in_and_reads_a_user_supplied_clip()
    {
        foreach (var name in new[] { "rtsp", "camera-publisher" })
            Assert.Equal(["demo"], ComposeFile.List(Compose.Services[name]["profiles"]).Cast<string>());
        var publisher = Compose.Services["camera-publisher"];
        var args = ComposeFile.List(publisher["command"]).Cast<string>().ToList();
        Assert.Contains("rtsp://rtsp:8554/cam1", args);
        Assert.Contains(ComposeFile.List(publisher["volumes"]).Cast<string>(), v => v.EndsWith(":/clips:ro", StringComparison.Ordinal));
        Assert.StartsWith("/clips/", args[args.IndexOf("-i") + 1], StringComparison.Ordinal);
    }

    [Fact]
    public void Images_are_built_from_the_repositorys_dockerfile()
    {
        foreach (var (_, service) in Compose.Services.Where(s => s.Value.ContainsKey("build")))
        {
            var build = ComposeFile.Map(service["build"]);
            Assert.True(File.Exists(Path.Combine(TestEnvironment.RepoRoot, (string)build["context"], (string)build["dockerfile"])));
        }
    }
}

using CctvMask.Deployment.Tests.Rendering;
using CctvMask.Vision.Models;
using k8s.Models;
using GrainCameraOptions = CctvMask.Grains.Cameras.CameraOptions;

namespace CctvMask.Deployment.Tests.Helm;

/// <summary>Probes, security, shutdown, RBAC and selectors of the rendered pod.</summary>
public sealed class ChartPodSpecTests
{
    private static readonly RenderedManifests Manifests =
        RenderedManifests.Load(HelmRenderer.Render(HelmRenderer.CiValues("default-values.yaml")));

    [Fact]
    public void Probes_hit_the_servers_health_endpoints_on_its_http_port()
    {
        var server = Manifests.Server;
        var environment = Manifests.ServerEnvironment();

        Assert.Equal("/healthz", server.StartupProbe.HttpGet.Path);
        Assert.Equal("/healthz", server.LivenessProbe.HttpGet.Path);
        Assert.Equal("/readyz", server.ReadinessProbe.HttpGet.Path);
        foreach (var probe in new[] { server.StartupProbe, server.LivenessProbe, server.ReadinessProbe })
            Assert.Equal("http", probe.HttpGet.Port.Value);
        var http = Assert.Single(server.Ports, p => p.Name == "http");
        Assert.Equal(environment["ASPNETCORE_HTTP_PORTS"].Value, http.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("http", Assert.Single(Manifests.Single<V1Service>().Spec.Ports).TargetPort.Value);
    }

    [Fact]
    public void The_pod_runs_non_root_on_a_read_only_root_with_writable_scratch_volumes()
    {
        var pod = Manifests.Deployment.Spec.Template.Spec;
        var server = Manifests.Server;
        var environment = Manifests.ServerEnvironment();

        Assert.True(pod.SecurityContext.RunAsNonRoot);
        Assert.NotEqual(0, pod.SecurityContext.RunAsUser);
        foreach (var container in pod.Containers.Concat(pod.InitContainers ?? []))
        {
            Assert.True(container.SecurityContext.ReadOnlyRootFilesystem, container.Name);
            Assert.False(container.SecurityContext.AllowPrivilegeEscalation, container.Name);
            Assert.Contains("ALL", container.SecurityContext.Capabilities.Drop);
        }
        var mounts = server.VolumeMounts.ToDictionary(m => m.MountPath);
        var volumes = pod.Volumes.ToDictionary(v => v.Name);
        // Everything the server writes is a mounted emptyDir: /tmp, and the data folder it is configured with.
        Assert.NotNull(volumes[mounts["/tmp"].Name].EmptyDir);
        Assert.NotNull(volumes[mounts[environment["Storage__DataDirectory"].Value].Name].EmptyDir);
        // Models are read where the server looks (CCTVMASK_MODELS), read-only.
        var models = mounts[environment[ModelLocator.EnvironmentVariable].Value];
        Assert.True(models.ReadOnlyProperty);
    }

    [Fact]
    public void The_init_container_fills_the_same_models_volume_with_the_images_script()
    {
        var pod = Manifests.Deployment.Spec.Template.Spec;
        var init = Assert.Single(pod.InitContainers);
        var serverModels = Assert.Single(Manifests.Server.VolumeMounts, m => m.Name == "models");

        Assert.Equal(Manifests.Server.Image, init.Image);
        Assert.Equal(["/app/pull-models.sh"], init.Command);
        var mount = Assert.Single(init.VolumeMounts, m => m.Name == "models");
        Assert.NotEqual(true, mount.ReadOnlyProperty);
        Assert.Equal(serverModels.MountPath, mount.MountPath);
        Assert.Equal(mount.MountPath, Assert.Single(init.Env, e => e.Name == ModelLocator.EnvironmentVariable).Value);
        // The image provides that script (infra/docker/Dockerfile copies it there).
        var dockerfile = File.ReadAllText(Path.Combine(CctvMask.Testing.TestEnvironment.RepoRoot, "infra", "docker", "Dockerfile"));
        Assert.Contains("infra/docker/pull-models.sh /app/pull-models.sh", dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public void Shutdown_budget_covers_the_host_shutdown_which_covers_a_camera_stop()
    {
        var grace = Manifests.Deployment.Spec.Template.Spec.TerminationGracePeriodSeconds;
        var hostTimeout = int.Parse(Manifests.ServerEnvironment()["DOTNET_SHUTDOWNTIMEOUTSECONDS"].Value, System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(grace > hostTimeout, $"grace {grace}s vs host shutdown {hostTimeout}s");
        Assert.True(hostTimeout > new GrainCameraOptions().StopTimeoutSeconds);
        // One silo leaves at a time.
        Assert.Equal("0", Manifests.Deployment.Spec.Strategy.RollingUpdate.MaxUnavailable.Value);
    }

    [Fact]
    public void Rbac_grants_what_orleans_kubernetes_hosting_needs_to_the_pods_service_account()
    {
        var role = Manifests.Single<V1Role>();
        var binding = Manifests.Single<V1RoleBinding>();
        var account = Manifests.Single<V1ServiceAccount>();

        var pods = Assert.Single(role.Rules, r => r.ApiGroups.Contains("") && r.Resources.Contains("pods"));
        Assert.Superset(new HashSet<string>(pods.Verbs), new HashSet<string> { "get", "list", "watch", "delete" });
        Assert.DoesNotContain("*", pods.Verbs);
        Assert.Equal(("Role", role.Metadata.Name), (binding.RoleRef.Kind, binding.RoleRef.Name));
        var subject = Assert.Single(binding.Subjects);
        Assert.Equal(("ServiceAccount", account.Metadata.Name, "video"), (subject.Kind, subject.Name, subject.NamespaceProperty));
        Assert.Equal(account.Metadata.Name, Manifests.Deployment.Spec.Template.Spec.ServiceAccountName);
    }

    [Fact]
    public void Selectors_match_the_pod_labels()
    {
        var labels = Manifests.Deployment.Spec.Template.Metadata.Labels;
        void Matches(IDictionary<string, string> selector)
        {
            Assert.NotEmpty(selector);
            Assert.All(selector, kv => Assert.Equal(kv.Value, labels[kv.Key]));
        }

        Matches(Manifests.Deployment.Spec.Selector.MatchLabels);
        Matches(Manifests.Single<V1Service>().Spec.Selector);
        Matches(Manifests.Single<V1PodDisruptionBudget>().Spec.Selector.MatchLabels);
    }
}

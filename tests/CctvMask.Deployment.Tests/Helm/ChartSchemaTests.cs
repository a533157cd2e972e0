using CctvMask.Deployment.Tests.Rendering;
using k8s;
using k8s.Models;

namespace CctvMask.Deployment.Tests.Helm;

/// <summary>The chart renders into objects the Kubernetes API models accept field by field.</summary>
public sealed class ChartSchemaTests
{
    [Fact]
    public void Default_values_render_the_fleet_objects_and_nothing_optional()
    {
        var manifests = RenderedManifests.Load(HelmRenderer.Render(HelmRenderer.CiValues("default-values.yaml")));

        var kinds = manifests.Objects.Select(o => ((IKubernetesObject)o).Kind).OrderBy(k => k, StringComparer.Ordinal).ToArray();
        Assert.Equal(
            ["ConfigMap", "Deployment", "PodDisruptionBudget", "Role", "RoleBinding", "Secret", "Service", "ServiceAccount"],
            kinds);
        Assert.Equal(2, manifests.Deployment.Spec.Replicas);
        Assert.All(manifests.Objects.Cast<IKubernetesObject<V1ObjectMeta>>(), o => Assert.Equal("cctvmask", o.Metadata.Name));
    }

    [Fact]
    public void Scaled_values_add_autoscaling_and_monitoring_and_use_existing_secrets()
    {
        var manifests = RenderedManifests.Load(HelmRenderer.Render(HelmRenderer.CiValues("scaled-values.yaml")));

        Assert.Empty(manifests.All<V1Secret>());
        // The autoscaler owns the replica count.
        Assert.Null(manifests.Deployment.Spec.Replicas);
        var hpa = manifests.Single<V2HorizontalPodAutoscaler>();
        Assert.Equal((3, 12), (hpa.Spec.MinReplicas ?? 0, hpa.Spec.MaxReplicas));
        Assert.Equal(("Deployment", manifests.Deployment.Metadata.Name), (hpa.Spec.ScaleTargetRef.Kind, hpa.Spec.ScaleTargetRef.Name));

        var monitor = manifests.Single<ServiceMonitor>();
        var service = manifests.Single<V1Service>();
        Assert.Equal("prometheus", monitor.Metadata.Labels["release"]);
        var endpoint = Assert.Single(monitor.Spec.Endpoints);
        Assert.Equal("/metrics", endpoint.Path);
        Assert.Contains(service.Spec.Ports, p => p.Name == endpoint.Port);
        Assert.All(monitor.Spec.Selector.MatchLabels, l => Assert.Equal(l.Value, service.Metadata.Labels[l.Key]));

        // A pre-filled claim and no download.
        Assert.Null(manifests.Deployment.Spec.Template.Spec.InitContainers);
        var models = Assert.Single(manifests.Deployment.Spec.Template.Spec.Volumes, v => v.Name == "models");
        Assert.Equal("cctvmask-models", models.PersistentVolumeClaim.ClaimName);
        Assert.Equal(2, manifests.Single<V1PodDisruptionBudget>().Spec.MaxUnavailable.Value is { } max ? int.Parse(max, System.Globalization.CultureInfo.InvariantCulture) : 0);
    }

    [Fact]
    public void The_network_policy_opens_the_pods_named_ports_http_to_the_listed_peers_and_silo_ports_to_silos_only()
    {
        var manifests = RenderedManifests.Load(HelmRenderer.Render(HelmRenderer.CiValues("scaled-values.yaml")));
        var policy = manifests.Single<V1NetworkPolicy>();
        var podLabels = manifests.Deployment.Spec.Template.Metadata.Labels;
        var named = manifests.Server.Ports.Select(p => p.Name).ToHashSet();

        Assert.All(policy.Spec.PodSelector.MatchLabels, l => Assert.Equal(l.Value, podLabels[l.Key]));
        Assert.All(policy.Spec.Ingress.SelectMany(r => r.Ports), p => Assert.Contains(p.Port.Value, named));
        var http = Assert.Single(policy.Spec.Ingress, r => r.Ports.Any(p => p.Port.Value == "http"));
        Assert.Equal("ingress-nginx", Assert.Single(http.FromProperty).NamespaceSelector.MatchLabels["kubernetes.io/metadata.name"]);
        var silo = Assert.Single(policy.Spec.Ingress, r => r.Ports.Any(p => p.Port.Value == "silo"));
        Assert.All(Assert.Single(silo.FromProperty).PodSelector.MatchLabels, l => Assert.Equal(l.Value, podLabels[l.Key]));
        // Off by default.
        Assert.Empty(RenderedManifests.Load(HelmRenderer.Render(HelmRenderer.CiValues("default-values.yaml"))).All<V1NetworkPolicy>());
    }

    [Fact]
    public void A_typo_in_a_values_block_copied_into_a_manifest_fails_the_strict_load()
    {
        var typo = HelmRenderer.WriteValues("podSecurityContext:\n  runAsNonRot: true\n");
        var yaml = HelmRenderer.Render(HelmRenderer.CiValues("default-values.yaml"), typo);

        Assert.Contains("runAsNonRot", yaml, StringComparison.Ordinal);
        var error = Assert.ThrowsAny<Exception>(() => RenderedManifests.Load(yaml));
        Assert.Contains("runAsNonRot", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Notes_render_with_the_release_names()
    {
        var result = HelmRenderer.TryRender([HelmRenderer.CiValues("default-values.yaml")], notes: true, release: "site-a", ns: "cams");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("deployment/site-a-cctvmask", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("-n cams", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("<no value>", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void The_release_name_flows_into_every_object_name()
    {
        var manifests = RenderedManifests.Load(HelmRenderer.Render(HelmRenderer.CiValues("default-values.yaml")).Replace("\r", "", StringComparison.Ordinal));
        var renamed = RenderedManifests.Load(HelmRenderer.TryRender([HelmRenderer.CiValues("default-values.yaml")], release: "site-a").StandardOutput);

        Assert.Equal(manifests.Objects.Count, renamed.Objects.Count);
        Assert.All(renamed.Objects.Cast<IKubernetesObject<V1ObjectMeta>>(), o => Assert.Equal("site-a-cctvmask", o.Metadata.Name));
        Assert.Equal("site-a-cctvmask", renamed.Deployment.Spec.Template.Metadata.Labels["orleans/serviceId"]);
    }
}

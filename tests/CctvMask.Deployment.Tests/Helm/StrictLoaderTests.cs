using k8s;
using k8s.Models;

namespace CctvMask.Deployment.Tests.Helm;

/// <summary>The validation the chart tests rely on: KubernetesClient's strict loader refuses unknown fields.</summary>
public sealed class StrictLoaderTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: probe
        spec:
          REPLICAS: 2
          selector:
            matchLabels: { app: probe }
          template:
            metadata:
              labels: { app: probe }
            spec:
              containers:
                - name: server
                  image: cctvmask:0.1.0
                  ports:
                    - CONTAINER_PORT: 8080
        """;

    [Fact]
    public void Correct_field_names_load()
    {
        var yaml = Deployment.Replace("REPLICAS", "replicas", StringComparison.Ordinal).Replace("CONTAINER_PORT", "containerPort", StringComparison.Ordinal);

        var deployment = Assert.IsType<V1Deployment>(Assert.Single(KubernetesYaml.LoadAllFromString(yaml, typeMap: null, strict: true)));

        Assert.Equal(2, deployment.Spec.Replicas);
        Assert.Equal(8080, Assert.Single(Assert.Single(deployment.Spec.Template.Spec.Containers).Ports).ContainerPort);
    }

    [Theory]
    [InlineData("replica", "containerPort")]
    [InlineData("replicas", "containerPorts")]
    public void A_misspelled_field_fails(string replicas, string containerPort)
    {
        var yaml = Deployment.Replace("REPLICAS", replicas, StringComparison.Ordinal).Replace("CONTAINER_PORT", containerPort, StringComparison.Ordinal);

        var error = Assert.ThrowsAny<Exception>(() => KubernetesYaml.LoadAllFromString(yaml, typeMap: null, strict: true));
        Assert.Contains(replicas == "replica" ? "replica" : "containerPorts", error.ToString(), StringComparison.Ordinal);
        // The lenient loader drops the field silently: that is why the tests load strictly.
        Assert.Single(KubernetesYaml.LoadAllFromString(yaml, typeMap: null, strict: false));
    }
}

using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace CctvMask.Deployment.Tests.Rendering;

/// <summary>
/// The fields of the Prometheus Operator's ServiceMonitor (monitoring.coreos.com/v1) that the chart
/// uses; the strict loader rejects anything else, so a typo in the template fails a test.
/// </summary>
public sealed class ServiceMonitor : IKubernetesObject<V1ObjectMeta>
{
    [JsonPropertyName("apiVersion")] public string ApiVersion { get; set; } = "";
    [JsonPropertyName("kind")] public string Kind { get; set; } = "";
    [JsonPropertyName("metadata")] public V1ObjectMeta Metadata { get; set; } = new();
    [JsonPropertyName("spec")] public ServiceMonitorSpec Spec { get; set; } = new();
}

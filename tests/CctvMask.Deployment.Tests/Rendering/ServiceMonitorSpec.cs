using System.Text.Json.Serialization;
using k8s.Models;

namespace CctvMask.Deployment.Tests.Rendering;

/// <summary>ServiceMonitor spec: which Services to scrape and how.</summary>
public sealed class ServiceMonitorSpec
{
    [JsonPropertyName("selector")] public V1LabelSelector Selector { get; set; } = new();
    [JsonPropertyName("endpoints")] public List<ServiceMonitorEndpoint> Endpoints { get; set; } = [];
}

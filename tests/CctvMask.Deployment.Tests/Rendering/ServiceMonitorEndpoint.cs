using System.Text.Json.Serialization;

namespace CctvMask.Deployment.Tests.Rendering;

/// <summary>One scrape endpoint of a ServiceMonitor.</summary>
public sealed class ServiceMonitorEndpoint
{
    [JsonPropertyName("port")] public string? Port { get; set; }
    [JsonPropertyName("path")] public string? Path { get; set; }
    [JsonPropertyName("interval")] public string? Interval { get; set; }
    [JsonPropertyName("scrapeTimeout")] public string? ScrapeTimeout { get; set; }
}

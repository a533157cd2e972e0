using System.Text.Json.Serialization;

namespace CctvMask.Cli.Bench;

/// <summary>Everything <c>cctvmask bench</c> measured.</summary>
public sealed record BenchReport(
    [property: JsonPropertyName("images")] int Images,
    [property: JsonPropertyName("detector")] string Detector,
    [property: JsonPropertyName("results")] IReadOnlyList<Throughput> Results,
    [property: JsonPropertyName("ratios")] IReadOnlyDictionary<string, double> Ratios);

using System.Text.Json;
using System.Text.Json.Serialization;

namespace CctvMask.Cli.Models;

/// <summary>One model of <c>models/manifest.json</c>.</summary>
public sealed class ModelEntry
{
    /// <summary>File name inside the model folder.</summary>
    [JsonPropertyName("file")] public string File { get; set; } = string.Empty;

    /// <summary>face-detector | mask-classifier.</summary>
    [JsonPropertyName("role")] public string? Role { get; set; }

    /// <summary>Download URL (null for the project's own committed model).</summary>
    [JsonPropertyName("url")] public string? Url { get; set; }

    /// <summary>Expected lower-case hex SHA-256 (null until known).</summary>
    [JsonPropertyName("sha256")] public string? Sha256 { get; set; }

    /// <summary>Licence of the weights.</summary>
    [JsonPropertyName("licence")] public string? Licence { get; set; }

    /// <summary>Upstream repository @ commit and path.</summary>
    [JsonPropertyName("source")] public string? Source { get; set; }

    /// <summary>The model used when none is chosen: one per role (the face detector is <c>ModelLocator.DefaultDetector</c>).</summary>
    [JsonPropertyName("default")] public bool Default { get; set; }

    /// <summary>Optional models may be missing without failing <c>models verify</c>.</summary>
    [JsonPropertyName("optional")] public bool Optional { get; set; }

    /// <summary>How the model is fed (informational).</summary>
    [JsonPropertyName("input")] public JsonElement? Input { get; set; }

    /// <summary>What the model returns (informational).</summary>
    [JsonPropertyName("outputs")] public string? Outputs { get; set; }
}

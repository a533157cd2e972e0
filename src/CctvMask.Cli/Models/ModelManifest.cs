using System.Text.Json.Serialization;

namespace CctvMask.Cli.Models;

/// <summary><c>models/manifest.json</c>: every model by name.</summary>
public sealed class ModelManifest
{
    /// <summary>Format version.</summary>
    [JsonPropertyName("version")] public int Version { get; set; } = 1;

    /// <summary>Models by name, in file order.</summary>
    [JsonPropertyName("models")] public Dictionary<string, ModelEntry> Models { get; set; } = [];
}

namespace CctvMask.Cli.Models;

/// <summary>A manifest and where it came from (a file path, or null for the copy built into the CLI).</summary>
public sealed record LoadedManifest(ModelManifest Manifest, string? Path)
{
    /// <summary>For messages.</summary>
    public string Origin => Path ?? "built-in manifest";
}

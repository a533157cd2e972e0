using System.Text.Json;
using System.Text.RegularExpressions;
using CctvMask.Cli.Common;

namespace CctvMask.Cli.Models;

/// <summary>
/// Finds and reads the model manifest: <c>--manifest FILE</c>, else <c>manifest.json</c> in the model
/// folder, else the copy of <c>models/manifest.json</c> embedded in the CLI.
/// </summary>
public static partial class ManifestStore
{
    /// <summary>File name of the manifest inside a model folder.</summary>
    public const string FileName = "manifest.json";

    private const string ResourceName = "CctvMask.Cli.manifest.json";

    /// <summary>Loads the manifest.</summary>
    /// <exception cref="CliException">Missing or malformed manifest.</exception>
    public static LoadedManifest Load(string? explicitPath, string modelsDir)
    {
        if (explicitPath is not null)
        {
            if (!File.Exists(explicitPath))
                throw new CliException($"{explicitPath}: manifest not found");
            return new LoadedManifest(Parse(File.ReadAllText(explicitPath), explicitPath), explicitPath);
        }
        var inFolder = Path.Combine(modelsDir, FileName);
        if (File.Exists(inFolder))
            return new LoadedManifest(Parse(File.ReadAllText(inFolder), inFolder), inFolder);

        using var stream = typeof(ManifestStore).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new CliException($"{inFolder}: manifest not found (and none is built in)");
        using var reader = new StreamReader(stream);
        return new LoadedManifest(Parse(reader.ReadToEnd(), "built-in manifest"), null);
    }

    /// <summary>Parses manifest JSON; <paramref name="source"/> names it in errors.</summary>
    public static ModelManifest Parse(string json, string source)
    {
        ModelManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ModelManifest>(json);
        }
        catch (JsonException ex)
        {
            throw new CliException($"{source}: not a valid manifest ({ex.Message})", ex);
        }
        if (manifest is null || manifest.Models.Count == 0)
            throw new CliException($"{source}: manifest lists no models");
        foreach (var (name, entry) in manifest.Models)
        {
            if (string.IsNullOrWhiteSpace(entry.File) || entry.File != Path.GetFileName(entry.File))
                throw new CliException($"{source}: model '{name}' needs a plain file name (got '{entry.File}')");
        }
        return manifest;
    }

    /// <summary>
    /// Sets the sha256 of one model in a manifest file, editing only that value so the file's
    /// layout is kept.
    /// </summary>
    public static void WriteSha256(string path, string modelName, string sha256)
    {
        var text = File.ReadAllText(path);
        int start = text.IndexOf($"\"{modelName}\"", StringComparison.Ordinal);
        if (start < 0)
            throw new CliException($"{path}: no model '{modelName}'");
        var match = Sha256Value().Match(text, start);
        if (!match.Success)
            throw new CliException($"{path}: model '{modelName}' has no sha256 field");
        var value = match.Groups["value"];
        text = string.Concat(text.AsSpan(0, value.Index), $"\"{sha256}\"", text.AsSpan(value.Index + value.Length));
        File.WriteAllText(path, text);
    }

    [GeneratedRegex("\"sha256\"\\s*:\\s*(?<value>null|\"[0-9a-fA-F]*\")")]
    private static partial Regex Sha256Value();
}

namespace CctvMask.Cli.Models;

/// <summary>Checks presence and sha256 of every model of a manifest in a folder.</summary>
public static class ModelVerifier
{
    /// <summary>One status per manifest entry, in manifest order.</summary>
    public static async Task<IReadOnlyList<ModelStatus>> VerifyAsync(ModelManifest manifest, string modelsDir,
        CancellationToken cancellationToken)
    {
        var results = new List<ModelStatus>(manifest.Models.Count);
        foreach (var (name, entry) in manifest.Models)
            results.Add(await CheckAsync(name, entry, modelsDir, cancellationToken).ConfigureAwait(false));
        return results;
    }

    /// <summary>Checks one model.</summary>
    public static async Task<ModelStatus> CheckAsync(string name, ModelEntry entry, string modelsDir, CancellationToken cancellationToken)
    {
        var path = Path.Combine(modelsDir, entry.File);
        if (!File.Exists(path))
            return new ModelStatus(name, entry, path, entry.Optional ? ModelStatusKind.OptionalMissing : ModelStatusKind.Missing, null);
        var actual = await Sha256File.ComputeAsync(path, cancellationToken).ConfigureAwait(false);
        var kind = string.IsNullOrEmpty(entry.Sha256)
            ? ModelStatusKind.NoHash
            : string.Equals(entry.Sha256, actual, StringComparison.OrdinalIgnoreCase) ? ModelStatusKind.Ok : ModelStatusKind.Mismatch;
        return new ModelStatus(name, entry, path, kind, actual);
    }
}

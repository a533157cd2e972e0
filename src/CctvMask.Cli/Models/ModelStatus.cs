namespace CctvMask.Cli.Models;

/// <summary>What <c>models verify</c> found for one model.</summary>
public enum ModelStatusKind
{
    /// <summary>Present, sha256 matches.</summary>
    Ok,

    /// <summary>Required and absent.</summary>
    Missing,

    /// <summary>Optional and absent (not a failure).</summary>
    OptionalMissing,

    /// <summary>Present, sha256 differs.</summary>
    Mismatch,

    /// <summary>Present, but the manifest has no sha256 to compare with.</summary>
    NoHash,
}

/// <summary>The check result of one model.</summary>
public sealed record ModelStatus(string Name, ModelEntry Entry, string Path, ModelStatusKind Kind, string? ActualSha256)
{
    /// <summary>True when this result fails verification.</summary>
    public bool IsFailure => Kind is ModelStatusKind.Missing or ModelStatusKind.Mismatch or ModelStatusKind.NoHash;

    /// <summary>One line describing the problem (null when fine).</summary>
    public string? Problem => Kind switch
    {
        ModelStatusKind.Missing => $"{Path}: missing",
        ModelStatusKind.Mismatch => $"{Path}: sha256 mismatch (expected {Entry.Sha256}, got {ActualSha256})",
        ModelStatusKind.NoHash => $"{Path}: manifest has no sha256 for it (actual {ActualSha256}; run `cctvmask models hash --update`)",
        _ => null,
    };
}

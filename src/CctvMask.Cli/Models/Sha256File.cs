using System.Security.Cryptography;

namespace CctvMask.Cli.Models;

/// <summary>SHA-256 of files, lower-case hex.</summary>
public static class Sha256File
{
    /// <summary>Hashes a file (symlinks are followed).</summary>
    public static async Task<string> ComputeAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
        return Convert.ToHexStringLower(hash);
    }
}

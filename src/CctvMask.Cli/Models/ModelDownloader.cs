using System.Security.Cryptography;

namespace CctvMask.Cli.Models;

/// <summary>
/// Downloads one model to a temporary file in the target folder, checks its sha256, then moves it
/// into place: a failed or tampered download never leaves a file under the model's name.
/// </summary>
public sealed class ModelDownloader(HttpClient http)
{
    private const int BufferSize = 81920;

    /// <summary>Downloads <paramref name="entry"/> into <paramref name="modelsDir"/>; returns the sha256.</summary>
    /// <exception cref="ModelDownloadException">No URL, HTTP failure, or sha256 mismatch.</exception>
    public async Task<string> DownloadAsync(ModelEntry entry, string modelsDir, CancellationToken cancellationToken)
    {
        var target = Path.Combine(modelsDir, entry.File);
        if (string.IsNullOrEmpty(entry.Url))
            throw new ModelDownloadException($"{target}: no download URL in the manifest (the project's own model is committed in models/)");
        if (!Uri.TryCreate(entry.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            throw new ModelDownloadException($"{target}: invalid download URL '{entry.Url}'");

        Directory.CreateDirectory(modelsDir);
        var temp = Path.Combine(modelsDir, $".{entry.File}.{Guid.NewGuid():N}.part");
        try
        {
            string actual;
            using (var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false))
            {
                if (!response.IsSuccessStatusCode)
                    throw new ModelDownloadException($"{target}: download from {url} failed: HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[BufferSize];
                int read;
                while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }
                actual = Convert.ToHexStringLower(hash.GetHashAndReset());
            }
            if (!string.IsNullOrEmpty(entry.Sha256) && !string.Equals(entry.Sha256, actual, StringComparison.OrdinalIgnoreCase))
                throw new ModelDownloadException($"{target}: downloaded file from {url} has sha256 {actual}, expected {entry.Sha256}; not installed");
            File.Move(temp, target, overwrite: true);
            return actual;
        }
        catch (HttpRequestException ex)
        {
            throw new ModelDownloadException($"{target}: download from {url} failed: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ModelDownloadException($"{target}: download from {url} timed out", ex);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }
}

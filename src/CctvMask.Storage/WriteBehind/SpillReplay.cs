using Microsoft.Extensions.Logging;

namespace CctvMask.Storage.WriteBehind;

/// <summary>
/// Writes every closed spill file into the database in chunks, oldest first, deleting each file
/// once all its events are written. Unreadable lines (torn by a crash) are reported and skipped.
/// </summary>
internal static class SpillReplay
{
    /// <summary>True when every file was written; false when the database failed (files kept for later).</summary>
    public static async Task<bool> ReplayAsync(
        SpillFile spill,
        Func<List<StorageEvent>, CancellationToken, Task<bool>> writeChunk,
        int batchSize,
        Action<int, string> onBadLine,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var chunk = new List<StorageEvent>(batchSize);
        foreach (var path in spill.RotateAndList())
        {
            var lineNo = 0;
            var fileCount = 0;
            await foreach (var e in SpillFile.ReadAsync(path, cancellationToken).ConfigureAwait(false))
            {
                lineNo++;
                if (e is null)
                {
                    onBadLine(lineNo, path);
                    continue;
                }
                chunk.Add(e);
                if (chunk.Count < batchSize) continue;
                if (!await writeChunk(chunk, cancellationToken).ConfigureAwait(false)) return false;
                fileCount += chunk.Count;
                chunk.Clear();
            }
            if (chunk.Count > 0)
            {
                if (!await writeChunk(chunk, cancellationToken).ConfigureAwait(false)) return false;
                fileCount += chunk.Count;
                chunk.Clear();
            }
            File.Delete(path);
            StorageLog.Replayed(logger, fileCount, path);
        }
        return true;
    }
}

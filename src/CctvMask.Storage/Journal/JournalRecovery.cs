using CctvMask.Storage.WriteBehind;
using Microsoft.Extensions.Logging;

namespace CctvMask.Storage.Journal;

/// <summary>
/// Replays the journal segments a previous run left behind (a crash, or a shutdown that could not
/// reach the database). Pass 1 finds each latest provisional event (an open minute's delta, a violation journaled
/// before its evidence was drawn) that no final event with the same id superseded; pass 2 writes every delivered event
/// in chunks, then those provisional events as ordinary ones (such a violation with its face crop, without its snapshot). Event ids make the whole replay idempotent, so a crash in
/// the middle of it just replays again. Files are deleted only after everything in them is written.
/// </summary>
internal static class JournalRecovery
{
    /// <summary>True when every file was written and deleted; false when the database failed (files kept).</summary>
    public static async Task<bool> ReplayAsync(
        IReadOnlyList<string> files,
        Func<List<StorageEvent>, CancellationToken, Task<bool>> writeChunk,
        int batchSize,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var provisional = new Dictionary<Guid, StorageEvent>();
        var finals = new HashSet<Guid>();
        foreach (var path in files)
        {
            foreach (var e in EventJournal.Read(path))
            {
                if (e is null) continue;
                if (!e.Provisional) finals.Add(e.Id);
                else if (!finals.Contains(e.Id)) provisional[e.Id] = e;
            }
        }
        foreach (var id in finals) provisional.Remove(id);

        var chunk = new List<StorageEvent>(batchSize);
        var events = 0;
        foreach (var path in files)
        {
            var lineNo = 0;
            foreach (var e in EventJournal.Read(path))
            {
                lineNo++;
                if (e is null)
                {
                    JournalLog.BadLine(logger, lineNo, path);
                    continue;
                }
                if (e.Provisional) continue;
                chunk.Add(e);
                if (chunk.Count < batchSize) continue;
                if (!await writeChunk(chunk, cancellationToken).ConfigureAwait(false)) return false;
                events += chunk.Count;
                chunk.Clear();
            }
        }
        foreach (var e in provisional.Values)
        {
            chunk.Add(e with { Provisional = false });
            if (chunk.Count < batchSize) continue;
            if (!await writeChunk(chunk, cancellationToken).ConfigureAwait(false)) return false;
            events += chunk.Count;
            chunk.Clear();
        }
        if (chunk.Count > 0)
        {
            if (!await writeChunk(chunk, cancellationToken).ConfigureAwait(false)) return false;
            events += chunk.Count;
        }
        foreach (var path in files) File.Delete(path);
        JournalLog.Recovered(logger, events, provisional.Count);
        return true;
    }
}

namespace CctvMask.Storage.WriteBehind;

/// <summary>The spill side of the store: replaying closed spill files and accounting for what they hold.</summary>
public sealed partial class WriteBehindStore
{
    /// <summary>Writes every closed spill file; false when the database failed (files kept for later).</summary>
    private Task<bool> ReplaySpillAsync(CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _spilling, 0);
        return SpillReplay.ReplayAsync(_spill, ReplayChunkAsync, _options.BatchSize, OnBadSpillLine, _logger, cancellationToken);
    }

    private void OnBadSpillLine(int line, string path)
    {
        Interlocked.Increment(ref _badLines);
        _metrics.Failures.Add(1);
        StorageLog.BadSpillLine(_logger, line, path);
    }

    private async Task<bool> ReplayChunkAsync(List<StorageEvent> chunk, CancellationToken cancellationToken)
    {
        if (!await WriteOrSettleAsync(chunk, cancellationToken).ConfigureAwait(false)) return false;
        Interlocked.Add(ref _replayed, chunk.Count);
        _metrics.Replayed.Add(chunk.Count);
        return true;
    }

    private void OnSpilled(IReadOnlyList<StorageEvent> events)
    {
        Interlocked.Add(ref _spilled, events.Count);
        _metrics.Spilled.Add(events.Count);
        foreach (var e in events) _journal.Acknowledge(e); // the fsynced spill file holds them now
    }

    private void OnSpillLost(long count)
    {
        Interlocked.Add(ref _dropped, count);
        _metrics.Dropped.Add(count);
    }
}

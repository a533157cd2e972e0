namespace CctvMask.Storage.WriteBehind;

/// <summary>Counters of the write-behind store since start (also published as metrics, see <see cref="StorageMetrics"/>).</summary>
/// <param name="Backlog">Events held in memory, waiting for the database.</param>
/// <param name="Written">Events written to the database from memory.</param>
/// <param name="Spilled">Events appended to the local spill file.</param>
/// <param name="Replayed">Events written to the database from spill files (a file replayed again after a partial failure counts again).</param>
/// <param name="Failures">Batches that failed after all retries, and unreadable spill lines.</param>
/// <param name="Dropped">Events refused because memory and spill queue were both full.</param>
/// <param name="DeadLettered">Events the reachable database rejected, kept in <c>deadletter.jsonl</c>.</param>
public readonly record struct WriteBehindStats(
    long Backlog, long Written, long Spilled, long Replayed, long Failures, long Dropped, long DeadLettered);

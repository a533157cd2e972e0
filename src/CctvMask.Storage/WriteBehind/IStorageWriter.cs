using CctvMask.Storage.Compliance;
using CctvMask.Storage.Violations;

namespace CctvMask.Storage.WriteBehind;

/// <summary>
/// The producers' side of the write-behind store: non-blocking, never throws for database
/// trouble, safe from any thread. Implemented by <see cref="WriteBehindStore"/> (registered as
/// this interface by <c>AddCctvStorage</c>).
/// </summary>
public interface IStorageWriter
{
    /// <summary>
    /// Queues a violation. True when accepted: appended to the durable journal within
    /// <c>Storage:JournalFlushInterval</c> (fsync), then held in memory or spilled to a local file
    /// until the database has it; false only when the store is stopping or every bound is full.
    /// Throws <see cref="ArgumentException"/> for an invalid record (empty id, bad camera id, no face JPEG).
    /// </summary>
    bool TryEnqueue(ViolationRecord violation);

    /// <summary>Queues a compliance delta; same contract as <see cref="TryEnqueue"/>.</summary>
    bool Enqueue(ComplianceDelta delta);

    /// <summary>
    /// Journals the open minute's counts so far (not written to the database). A later provisional
    /// or the final <see cref="Enqueue"/> with the same <see cref="ComplianceDelta.EventId"/>
    /// supersedes it; if the process dies before the final one, the next start writes the latest
    /// provisional as the bucket's delta (and a final one already written makes that a no-op).
    /// Non-blocking; false when the journal queue is full or the store is stopping.
    /// </summary>
    bool EnqueueProvisional(ComplianceDelta delta);

    /// <summary>
    /// Journals a violation whose evidence is still being drawn (not written to the database). The final
    /// <see cref="TryEnqueue"/> with the same <see cref="ViolationRecord.EventId"/> supersedes it; if the process dies
    /// before that, the next start writes it as it stands, without a snapshot (and a final one already written makes that a
    /// no-op: violations are inserted if absent). Non-blocking; false when the journal queue is full or the store is stopping.
    /// </summary>
    bool EnqueueProvisional(ViolationRecord violation);
}

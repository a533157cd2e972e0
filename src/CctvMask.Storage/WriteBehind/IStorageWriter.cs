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
    /// Queues a violation. True when accepted (in memory, or spilled to the local file past the
    /// memory bound); false only when both bounds are full (the event is counted as dropped).
    /// Throws <see cref="ArgumentException"/> for an invalid record (empty id, bad camera id, no face JPEG).
    /// </summary>
    bool TryEnqueue(ViolationRecord violation);

    /// <summary>Queues a compliance delta; same contract as <see cref="TryEnqueue"/>.</summary>
    bool Enqueue(ComplianceDelta delta);
}

namespace CctvMask.Grains.Violations;

/// <summary>Where camera workers hand violations (the Server wires this to the write-behind store).</summary>
public interface IViolationSink
{
    /// <summary>Queues a violation without blocking; false when it was refused (queue full, shutting down).</summary>
    bool TryWrite(ViolationEvent violation);

    /// <summary>
    /// The violation as raised, with its face crop but before its snapshot is drawn, so a crash while the snapshot waits
    /// in the worker's queue does not lose it: kept aside (journaled, not stored) until <see cref="TryWrite"/> with the same
    /// <see cref="ViolationEvent.Id"/> supersedes it; stored as it stands, without a snapshot, only if the process dies first.
    /// Non-blocking; false when refused.
    /// </summary>
    bool TryWriteProvisional(ViolationEvent violation);
}

namespace CctvMask.Grains.Compliance;

/// <summary>Where camera workers hand compliance deltas (the Server wires this to the write-behind store).</summary>
public interface IComplianceSink
{
    /// <summary>Queues a delta without blocking; false when it was refused (queue full, shutting down).</summary>
    bool TryWrite(ComplianceDelta delta);

    /// <summary>
    /// Journals the open minute's counts so far (<see cref="ComplianceCounter.Provisional"/>): superseded
    /// by a later provisional or the final delta with the same event id, written only if the process
    /// dies first. Non-blocking; false when refused (or when the sink keeps nothing durable).
    /// </summary>
    bool TryWriteProvisional(ComplianceDelta delta) => false;
}

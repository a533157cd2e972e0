namespace CctvMask.Grains.Compliance;

/// <summary>Where camera workers hand compliance deltas (the Server wires this to the write-behind store).</summary>
public interface IComplianceSink
{
    /// <summary>Queues a delta without blocking; false when it was refused (queue full, shutting down).</summary>
    bool TryWrite(ComplianceDelta delta);
}

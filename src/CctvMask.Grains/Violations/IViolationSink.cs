namespace CctvMask.Grains.Violations;

/// <summary>Where camera workers hand violations (the Server wires this to the write-behind store).</summary>
public interface IViolationSink
{
    /// <summary>Queues a violation without blocking; false when it was refused (queue full, shutting down).</summary>
    bool TryWrite(ViolationEvent violation);
}

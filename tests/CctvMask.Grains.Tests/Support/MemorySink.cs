using System.Collections.Concurrent;
using CctvMask.Grains.Compliance;
using CctvMask.Grains.Violations;

namespace CctvMask.Grains.Tests.Support;

/// <summary>An in-memory store for deltas and violations.</summary>
public sealed class MemorySink : IComplianceSink, IViolationSink
{
    public ConcurrentQueue<ComplianceDelta> Deltas { get; } = new();

    public ConcurrentQueue<ViolationEvent> Violations { get; } = new();

    public bool TryWrite(ComplianceDelta delta)
    {
        Deltas.Enqueue(delta);
        return true;
    }

    public bool TryWrite(ViolationEvent violation)
    {
        Violations.Enqueue(violation);
        return true;
    }
}

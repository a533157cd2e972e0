using System.Collections.Concurrent;
using CctvMask.Grains.Compliance;
using CctvMask.Grains.Violations;

namespace CctvMask.Grains.Tests.Support;

/// <summary>An in-memory store for deltas and violations.</summary>
public sealed class MemorySink : IComplianceSink, IViolationSink
{
    public ConcurrentQueue<ComplianceDelta> Deltas { get; } = new();

    public ConcurrentQueue<ViolationEvent> Violations { get; } = new();

    /// <summary>The open minutes journaled (<see cref="IComplianceSink.TryWriteProvisional"/>).</summary>
    public ConcurrentQueue<ComplianceDelta> Provisionals { get; } = new();

    /// <summary>Violations journaled before their evidence was drawn (<see cref="IViolationSink.TryWriteProvisional"/>).</summary>
    public ConcurrentQueue<ViolationEvent> ProvisionalViolations { get; } = new();

    /// <summary>The minute deltas (the hour and day ones left out).</summary>
    public ComplianceDelta[] Minutes => [.. Deltas.Where(d => d.Period == CountPeriod.Minute)];

    /// <summary>The deltas of one period.</summary>
    public ComplianceDelta[] Of(CountPeriod period) => [.. Deltas.Where(d => d.Period == period)];

    public bool TryWrite(ComplianceDelta delta)
    {
        Deltas.Enqueue(delta);
        return true;
    }

    public bool TryWriteProvisional(ComplianceDelta delta)
    {
        Provisionals.Enqueue(delta);
        return true;
    }

    public bool TryWrite(ViolationEvent violation)
    {
        Violations.Enqueue(violation);
        return true;
    }

    public bool TryWriteProvisional(ViolationEvent violation)
    {
        ProvisionalViolations.Enqueue(violation);
        return true;
    }
}

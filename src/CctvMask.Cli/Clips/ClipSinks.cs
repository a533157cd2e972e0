using CctvMask.Grains.Compliance;
using CctvMask.Grains.Violations;

namespace CctvMask.Cli.Clips;

/// <summary>
/// Where the camera path's closed minute buckets and violations go during a clip run: summed, not kept
/// (a benchmark loops for minutes; evidence JPEGs are not needed).
/// </summary>
internal sealed class ClipSinks : IComplianceSink, IViolationSink
{
    /// <summary>People summed over the closed buckets (person-minutes, the product's count).</summary>
    public long People { get; private set; }

    /// <summary>Masked people summed over the closed buckets.</summary>
    public long Masked { get; private set; }

    /// <summary>Unmasked people summed over the closed buckets.</summary>
    public long Unmasked { get; private set; }

    /// <summary>People without a verdict summed over the closed buckets.</summary>
    public long Unknown { get; private set; }

    /// <summary>Violations raised.</summary>
    public long Violations { get; private set; }

    /// <inheritdoc />
    public bool TryWrite(ComplianceDelta delta)
    {
        ArgumentNullException.ThrowIfNull(delta);
        // The pipeline also emits the hour's and the day's unique-count changes; adding them to the minutes
        // counted every person three times (a 6.6 s clip of 2 people reported 6).
        if (delta.Period != CountPeriod.Minute) return true;
        People += delta.People;
        Masked += delta.Masked;
        Unmasked += delta.Unmasked;
        Unknown += delta.Unknown;
        return true;
    }

    /// <inheritdoc />
    public bool TryWrite(ViolationEvent violation)
    {
        Violations++;
        return true;
    }

    /// <inheritdoc />
    /// <remarks>The clip camera draws evidence inline (no worker), so nothing is provisional.</remarks>
    public bool TryWriteProvisional(ViolationEvent violation) => true;
}

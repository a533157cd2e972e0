using System.Globalization;
using CctvMask.Dashboard.Api.Contracts;

namespace CctvMask.Dashboard.Charts;

/// <summary>
/// Shapes a compliance series for charts: one slot per bucket over the whole range (buckets the
/// API left out become gaps, not zeros) and compliance in percent. Geometry and labels: <see cref="ChartGeometry"/>.
/// </summary>
public static class ComplianceSeriesShaper
{
    /// <summary>Compliance of a bucket in percent: masked / (masked + unmasked); null when nobody was assessable.</summary>
    public static double? CompliancePercent(CompliancePointDto point)
    {
        if (point.Compliance is { } given) return Math.Round(given * 100, 1);
        var assessable = point.Masked + point.Unmasked;
        return assessable == 0 ? null : Math.Round(100.0 * point.Masked / assessable, 1);
    }

    public static TimeSpan Step(ComplianceBucket bucket) => bucket switch
    {
        ComplianceBucket.Minute => TimeSpan.FromMinutes(1),
        ComplianceBucket.Hour => TimeSpan.FromHours(1),
        ComplianceBucket.Day => TimeSpan.FromDays(1),
        _ => throw new ArgumentOutOfRangeException(nameof(bucket), bucket, "Unknown bucket."),
    };

    /// <summary>The UTC start of the bucket that holds <paramref name="time"/>.</summary>
    public static DateTimeOffset Floor(DateTimeOffset time, ComplianceBucket bucket)
    {
        var ticks = Step(bucket).Ticks;
        var utc = time.UtcTicks;
        return new DateTimeOffset(utc - (utc % ticks), TimeSpan.Zero);
    }

    /// <summary>
    /// Slots from the bucket holding <paramref name="from"/> up to (not including) <paramref name="to"/>,
    /// each with its point when the API returned one for that bucket.
    /// </summary>
    public static IReadOnlyList<ChartSlot> Slots(
        IEnumerable<CompliancePointDto> points, DateTimeOffset from, DateTimeOffset to, ComplianceBucket bucket)
    {
        if (to <= from) return [];
        var step = Step(bucket);
        var byStart = new Dictionary<long, CompliancePointDto>();
        foreach (var p in points)
            byStart[Floor(p.Start, bucket).UtcTicks] = p;
        var slots = new List<ChartSlot>();
        for (var t = Floor(from, bucket); t < to; t += step)
            slots.Add(new ChartSlot(t, byStart.GetValueOrDefault(t.UtcTicks)));
        return slots;
    }

    /// <summary>Compliance percent per slot (null = gap).</summary>
    public static double?[] ComplianceValues(IReadOnlyList<ChartSlot> slots) =>
        [.. slots.Select(s => s.Point is null ? null : CompliancePercent(s.Point))];

    /// <summary>
    /// People who wore the mask wrongly per slot (null = gap), or null when nobody did in the whole range: a camera
    /// with a two-class classifier (or no such person) gets no flat orange line along the axis.
    /// </summary>
    public static double?[]? IncorrectValues(IReadOnlyList<ChartSlot> slots) =>
        slots.Any(s => s.Point is { Incorrect: > 0 }) ? [.. slots.Select(s => s.Point is { } p ? (double?)p.Incorrect : null)] : null;
}

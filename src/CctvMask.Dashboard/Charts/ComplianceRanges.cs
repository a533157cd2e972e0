using CctvMask.Dashboard.Api.Contracts;

namespace CctvMask.Dashboard.Charts;

/// <summary>Range helpers: duration, default bucket, allowed buckets (so a chart never holds tens of thousands of points).</summary>
public static class ComplianceRanges
{
    public static TimeSpan Duration(this ComplianceRange range) => range switch
    {
        ComplianceRange.LastHour => TimeSpan.FromHours(1),
        ComplianceRange.LastDay => TimeSpan.FromDays(1),
        ComplianceRange.LastWeek => TimeSpan.FromDays(7),
        ComplianceRange.LastMonth => TimeSpan.FromDays(30),
        ComplianceRange.Custom => TimeSpan.FromDays(1),
        _ => throw new ArgumentOutOfRangeException(nameof(range), range, "Unknown range."),
    };

    public static string Label(this ComplianceRange range) => range switch
    {
        ComplianceRange.LastHour => "Last hour",
        ComplianceRange.LastDay => "Last 24 hours",
        ComplianceRange.LastWeek => "Last 7 days",
        ComplianceRange.LastMonth => "Last 30 days",
        ComplianceRange.Custom => "Custom (UTC)",
        _ => range.ToString(),
    };

    /// <summary>
    /// The bucket that reads well for a span: minutes up to <paramref name="minuteSpan"/>, hours up to
    /// <paramref name="hourSpan"/>, days beyond.
    /// </summary>
    public static ComplianceBucket AutoBucket(TimeSpan span, TimeSpan minuteSpan, TimeSpan hourSpan) =>
        span <= minuteSpan ? ComplianceBucket.Minute : span <= hourSpan ? ComplianceBucket.Hour : ComplianceBucket.Day;

    /// <summary>
    /// For a series whose data all lies within <paramref name="window"/> before <paramref name="to"/> (a camera
    /// younger than a few hours): the start of its first bucket, where a minute chart should begin; otherwise null.
    /// </summary>
    public static DateTimeOffset? YoungStart(IReadOnlyList<CompliancePointDto> points, DateTimeOffset to, TimeSpan window)
    {
        if (points.Count == 0) return null;
        var first = points.Min(p => p.Start);
        return to - first <= window ? first : null;
    }

    /// <summary>True when the range × bucket stays under the API's point limit.</summary>
    public static bool Fits(TimeSpan span, ComplianceBucket bucket, int maxPoints) =>
        span.Ticks / ComplianceSeriesShaper.Step(bucket).Ticks <= maxPoints;
}

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
        _ => throw new ArgumentOutOfRangeException(nameof(range), range, "Unknown range."),
    };

    public static string Label(this ComplianceRange range) => range switch
    {
        ComplianceRange.LastHour => "Last hour",
        ComplianceRange.LastDay => "Last 24 hours",
        ComplianceRange.LastWeek => "Last 7 days",
        ComplianceRange.LastMonth => "Last 30 days",
        _ => range.ToString(),
    };

    public static IReadOnlyList<ComplianceBucket> AllowedBuckets(this ComplianceRange range) => range switch
    {
        ComplianceRange.LastHour => [ComplianceBucket.Minute],
        ComplianceRange.LastDay => [ComplianceBucket.Minute, ComplianceBucket.Hour],
        ComplianceRange.LastWeek => [ComplianceBucket.Hour, ComplianceBucket.Day],
        _ => [ComplianceBucket.Hour, ComplianceBucket.Day],
    };

    public static ComplianceBucket DefaultBucket(this ComplianceRange range) => range switch
    {
        ComplianceRange.LastHour => ComplianceBucket.Minute,
        ComplianceRange.LastDay => ComplianceBucket.Hour,
        ComplianceRange.LastWeek => ComplianceBucket.Hour,
        _ => ComplianceBucket.Day,
    };
}

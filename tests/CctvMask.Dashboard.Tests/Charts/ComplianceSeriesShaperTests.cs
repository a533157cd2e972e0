using CctvMask.Dashboard.Api.Contracts;
using CctvMask.Dashboard.Charts;

namespace CctvMask.Dashboard.Tests.Charts;

public sealed class ComplianceSeriesShaperTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static CompliancePointDto Point(DateTimeOffset start, long masked, long unmasked, long unknown = 0, double? compliance = null) =>
        new(start, masked + unmasked + unknown, masked, unmasked, unknown, compliance);

    [Fact]
    public void Compliance_is_masked_over_assessable_and_null_without_assessable_people()
    {
        Assert.Equal(75.0, ComplianceSeriesShaper.CompliancePercent(Point(T0, 3, 1, unknown: 5)));
        Assert.Null(ComplianceSeriesShaper.CompliancePercent(Point(T0, 0, 0, unknown: 4)));
        Assert.Equal(33.3, ComplianceSeriesShaper.CompliancePercent(Point(T0, 1, 2)));
    }

    [Fact]
    public void Compliance_given_by_the_api_wins()
    {
        Assert.Equal(50.0, ComplianceSeriesShaper.CompliancePercent(Point(T0, 3, 1, compliance: 0.5)));
    }

    [Fact]
    public void Slots_cover_the_range_and_leave_gaps_for_missing_buckets()
    {
        var points = new[] { Point(T0.AddHours(1), 4, 0), Point(T0.AddHours(3), 1, 1) };

        var slots = ComplianceSeriesShaper.Slots(points, T0.AddMinutes(30), T0.AddHours(4), ComplianceBucket.Hour);

        Assert.Equal([T0, T0.AddHours(1), T0.AddHours(2), T0.AddHours(3)], slots.Select(s => s.Start));
        Assert.Equal([null, 100.0, null, 50.0], ComplianceSeriesShaper.ComplianceValues(slots));
        Assert.Equal([0.0, 4.0, 0.0, 2.0], ComplianceSeriesShaper.PeopleValues(slots));
    }

    [Fact]
    public void Slots_match_points_whose_start_is_inside_a_bucket_and_in_another_offset()
    {
        var midnight = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);
        var local = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.FromHours(2)); // 10:00 UTC, inside that day
        var slots = ComplianceSeriesShaper.Slots([Point(local, 1, 0)], midnight, midnight.AddDays(1), ComplianceBucket.Day);

        Assert.Single(slots);
        Assert.NotNull(slots[0].Point);
    }

    [Fact]
    public void A_day_of_hours_has_24_slots_for_the_sparkline()
    {
        var to = T0.AddMinutes(17);
        var slots = ComplianceSeriesShaper.Slots([], to.AddHours(-24), to, ComplianceBucket.Hour);

        Assert.Equal(25, slots.Count); // a range that does not start on the hour touches 25 hour buckets
        Assert.All(ComplianceSeriesShaper.ComplianceValues(slots), v => Assert.Null(v));
    }

    [Fact]
    public void Empty_or_inverted_ranges_have_no_slots() =>
        Assert.Empty(ComplianceSeriesShaper.Slots([Point(T0, 1, 0)], T0, T0, ComplianceBucket.Minute));

    [Fact]
    public void Labels_are_thinned_to_at_most_the_requested_number()
    {
        var slots = ComplianceSeriesShaper.Slots([], T0, T0.AddDays(7), ComplianceBucket.Hour);

        var labels = ComplianceSeriesShaper.Labels(slots, ComplianceBucket.Hour, 12);

        Assert.Equal(slots.Count, labels.Length);
        Assert.InRange(labels.Count(l => l.Length > 0), 2, 12);
        Assert.Equal("10:00", labels[0]);
    }

    [Fact]
    public void Day_labels_show_the_date()
    {
        // From 10:00 on the 25th to 10:00 on the 28th touches four UTC days.
        var slots = ComplianceSeriesShaper.Slots([], T0, T0.AddDays(3), ComplianceBucket.Day);
        Assert.Equal(["11-25", "11-26", "11-27", "11-28"], ComplianceSeriesShaper.Labels(slots, ComplianceBucket.Day, 12));
    }

    [Theory]
    [InlineData(ComplianceRange.LastHour, ComplianceBucket.Minute)]
    [InlineData(ComplianceRange.LastDay, ComplianceBucket.Hour)]
    [InlineData(ComplianceRange.LastWeek, ComplianceBucket.Hour)]
    [InlineData(ComplianceRange.LastMonth, ComplianceBucket.Day)]
    public void Default_bucket_is_allowed_and_keeps_charts_small(ComplianceRange range, ComplianceBucket expected)
    {
        Assert.Equal(expected, range.DefaultBucket());
        foreach (var bucket in range.AllowedBuckets())
            Assert.InRange(range.Duration() / ComplianceSeriesShaper.Step(bucket), 1, 1500);
    }
}

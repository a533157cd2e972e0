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
        Assert.Equal([null, 4L, null, 2L], slots.Select(s => s.Point?.People));
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
    public void The_incorrect_series_has_a_value_per_bucket_with_people_and_is_absent_when_nobody_wore_the_mask_wrongly()
    {
        var points = new[] { Point(T0.AddHours(1), 3, 2) with { Incorrect = 2 }, Point(T0.AddHours(3), 1, 1) };
        var slots = ComplianceSeriesShaper.Slots(points, T0, T0.AddHours(4), ComplianceBucket.Hour);

        Assert.Equal([null, 2.0, null, 0.0], ComplianceSeriesShaper.IncorrectValues(slots));
        Assert.Equal([null, 60.0, null, 50.0], ComplianceSeriesShaper.ComplianceValues(slots)); // the ratio ignores it
        Assert.Null(ComplianceSeriesShaper.IncorrectValues(ComplianceSeriesShaper.Slots([Point(T0, 1, 1)], T0, T0.AddHours(1), ComplianceBucket.Hour)));
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

    [Theory]
    [InlineData(1, ComplianceBucket.Minute)]
    [InlineData(6, ComplianceBucket.Minute)]
    [InlineData(24, ComplianceBucket.Hour)]
    [InlineData(24 * 7, ComplianceBucket.Hour)]
    [InlineData(24 * 30, ComplianceBucket.Day)]
    public void The_automatic_bucket_follows_the_span(int hours, ComplianceBucket expected) =>
        Assert.Equal(expected, ComplianceRanges.AutoBucket(TimeSpan.FromHours(hours), TimeSpan.FromHours(6), TimeSpan.FromDays(14)));

    [Fact]
    public void A_series_whose_data_is_only_a_few_hours_old_starts_its_minute_chart_at_the_first_bucket()
    {
        var to = T0.AddHours(3);
        Assert.Equal(T0.AddHours(1), ComplianceRanges.YoungStart([Point(T0.AddHours(1), 1, 0), Point(T0.AddHours(2), 1, 0)], to, TimeSpan.FromHours(6)));
        Assert.Null(ComplianceRanges.YoungStart([Point(T0.AddHours(-10), 1, 0)], to, TimeSpan.FromHours(6)));
        Assert.Null(ComplianceRanges.YoungStart([], to, TimeSpan.FromHours(6)));
        Assert.False(ComplianceRanges.Fits(TimeSpan.FromDays(30), ComplianceBucket.Minute, 2000));
        Assert.True(ComplianceRanges.Fits(TimeSpan.FromDays(30), ComplianceBucket.Hour, 2000));
    }
}

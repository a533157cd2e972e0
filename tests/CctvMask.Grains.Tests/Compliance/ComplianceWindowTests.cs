using CctvMask.Grains.Compliance;

namespace CctvMask.Grains.Tests.Compliance;

public sealed class ComplianceWindowTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static ComplianceDelta Bucket(DateTimeOffset start, int masked, int unmasked, int unknown = 0) =>
        new(Guid.CreateVersion7(), "cam-1", start, masked + unmasked + unknown, masked, unmasked, unknown);

    [Fact]
    public void The_ratio_sums_the_minutes_of_each_window_and_ignores_unknown_people()
    {
        var window = new ComplianceWindow(TimeSpan.FromHours(1));
        window.Add(Bucket(T0, masked: 9, unmasked: 1));                       // 50 min before "now": only in the hour
        window.Add(Bucket(T0.AddMinutes(47), masked: 1, unmasked: 3, unknown: 20));
        window.Add(Bucket(T0.AddMinutes(49), masked: 2, unmasked: 2));
        var now = T0.AddMinutes(50).AddSeconds(30);

        Assert.Equal(3.0 / 8, window.Ratio(now, TimeSpan.FromMinutes(5)));
        Assert.Equal(12.0 / 18, window.Ratio(now, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Nobody_assessable_is_no_ratio_not_zero_or_one()
    {
        var window = new ComplianceWindow(TimeSpan.FromHours(1));
        Assert.Null(window.Ratio(T0, TimeSpan.FromMinutes(5)));
        window.Add(Bucket(T0, masked: 0, unmasked: 0, unknown: 4));
        Assert.Null(window.Ratio(T0.AddMinutes(1), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Partial_deltas_of_one_minute_add_up()
    {
        // A camera restarted mid-minute flushes the part it saw; the new run closes the rest of that minute.
        var window = new ComplianceWindow(TimeSpan.FromHours(1));
        window.Add(Bucket(T0, masked: 1, unmasked: 0));
        Assert.Equal(1.0, window.Ratio(T0.AddSeconds(20), TimeSpan.FromMinutes(5)));
        window.Add(Bucket(T0, masked: 0, unmasked: 1));
        Assert.Equal(0.5, window.Ratio(T0.AddMinutes(1), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Minutes_older_than_the_span_are_dropped_and_then_the_window_is_empty()
    {
        var window = new ComplianceWindow(TimeSpan.FromHours(1));
        window.Add(Bucket(T0, masked: 1, unmasked: 1));
        Assert.False(window.IsEmpty(T0.AddMinutes(60)));
        Assert.Equal(0.5, window.Ratio(T0.AddMinutes(60), TimeSpan.FromHours(1)));
        Assert.True(window.IsEmpty(T0.AddMinutes(61)));
        Assert.Null(window.Ratio(T0.AddMinutes(61), TimeSpan.FromHours(1)));
    }
}

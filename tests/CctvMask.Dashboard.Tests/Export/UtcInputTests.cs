using CctvMask.Dashboard.Violations;

namespace CctvMask.Dashboard.Tests.Export;

public sealed class UtcInputTests
{
    [Theory]
    [InlineData("2026-11-26T23:57", 2026, 11, 26, 23, 57, 0)]
    [InlineData("2026-01-02T03:04:05", 2026, 1, 2, 3, 4, 5)]
    [InlineData("2026-11-26 23:57", 2026, 11, 26, 23, 57, 0)]
    [InlineData(" 2026-11-26 13:05:09 ", 2026, 11, 26, 13, 5, 9)]
    public void Reads_typed_24_hour_times_as_utc(string input, int y, int mo, int d, int h, int mi, int s) =>
        Assert.Equal(new DateTimeOffset(y, mo, d, h, mi, s, TimeSpan.Zero), UtcInput.Parse(input));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("11/26/2026 11:57 PM")]
    [InlineData("2026-13-01T00:00")]
    public void Anything_else_is_no_filter(string? input) => Assert.Null(UtcInput.Parse(input));

    [Theory]
    [InlineData(null, false)]
    [InlineData("  ", false)]
    [InlineData("2026-11-26 23:57", false)]
    [InlineData("yesterday", true)]
    [InlineData("2026-13-01 00:00", true)]
    public void An_empty_field_is_no_bound_and_only_text_that_is_not_a_time_is_flagged(string? input, bool invalid) =>
        Assert.Equal(invalid, UtcInput.IsInvalid(input));

    [Fact]
    public void Format_round_trips_to_the_minute()
    {
        var t = new DateTimeOffset(2026, 11, 25, 10, 30, 45, TimeSpan.FromHours(2));
        Assert.Equal("2026-11-25 08:30", UtcInput.Format(t));
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 8, 30, 0, TimeSpan.Zero), UtcInput.Parse(UtcInput.Format(t)));
    }
}

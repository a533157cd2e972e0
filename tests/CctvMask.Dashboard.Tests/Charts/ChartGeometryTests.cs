using CctvMask.Dashboard.Api.Contracts;
using CctvMask.Dashboard.Charts;

namespace CctvMask.Dashboard.Tests.Charts;

public sealed class ChartGeometryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Slots_split_the_plot_evenly_so_the_same_index_is_the_same_x_in_every_chart()
    {
        Assert.Equal(0, ChartGeometry.Left(0, 24));
        Assert.Equal(50, ChartGeometry.Left(12, 24), 6);
        Assert.Equal(100.0 / 24, ChartGeometry.Width(24), 6);
        Assert.Equal(100.0 / 48, ChartGeometry.Centre(0, 24), 6);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 5)]
    [InlineData(7, 10)]
    [InlineData(11, 20)]
    [InlineData(180, 200)]
    [InlineData(501, 1000)]
    public void Axis_maxima_are_round(double value, double expected) => Assert.Equal(expected, ChartGeometry.NiceMax(value));

    [Fact]
    public void Tick_labels_are_thinned_and_show_the_date_at_midnight()
    {
        Assert.Equal([0, 21, 42, 63, 84, 105, 126, 147], ChartGeometry.TickIndices(168, 8));
        Assert.Equal("10:00", ChartGeometry.TickLabel(T0, ComplianceBucket.Hour));
        Assert.Equal("11-26", ChartGeometry.TickLabel(T0.Date.AddDays(1), ComplianceBucket.Hour));   // midnight: the new day
        Assert.Equal("11-25", ChartGeometry.TickLabel(T0, ComplianceBucket.Day));
    }

    [Fact]
    public void The_line_breaks_at_gaps_and_a_lone_value_is_a_visible_dash()
    {
        var path = ChartGeometry.LinePath([50, 100, null, 0, null], 100);
        Assert.Equal("M10 50L30 0M65 100L75 100", path);
        var lone = ChartGeometry.LinePath([null, 75, null, null], 100);
        Assert.StartsWith("M", lone);
        Assert.Contains("L", lone); // a dash, not a zero-length move
    }
}

using CctvMask.Dashboard.Export;

namespace CctvMask.Dashboard.Tests.Export;

public sealed class ExportLimitTests
{
    [Theory]
    [InlineData(0, 10)]
    [InlineData(10, 10)]
    public void A_range_within_the_cap_can_be_exported(long total, int max) => Assert.Null(ExportLimit.TooMany(total, max));

    [Fact]
    public void A_range_over_the_cap_is_refused_with_how_many_the_setting_and_what_to_narrow()
    {
        var why = ExportLimit.TooMany(100_001, 100_000);
        Assert.NotNull(why);
        Assert.Contains("100,001 violations", why);
        Assert.Contains("at most 100,000", why);
        Assert.Contains("Dashboard:ExportMaxRows", why);
        Assert.Contains("Narrow the range", why);
    }
}

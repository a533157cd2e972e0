using CctvMask.Dashboard.Export;

namespace CctvMask.Dashboard.Tests.Export;

public sealed class ExportLimitTests
{
    [Theory]
    [InlineData(0, 10)]
    [InlineData(10, 10)]
    public void A_filter_within_the_cap_can_be_exported(long total, int max)
    {
        Assert.Null(ExportLimit.TooManyViolations(total, max));
        Assert.Null(ExportLimit.TooManyAuditLines(total, max));
    }

    [Fact]
    public void A_violations_range_over_the_cap_is_refused_with_how_many_the_setting_and_what_to_narrow()
    {
        var why = ExportLimit.TooManyViolations(100_001, 100_000);
        Assert.NotNull(why);
        Assert.Contains("100,001 violations", why);
        Assert.Contains("at most 100,000", why);
        Assert.Contains("Dashboard:ExportMaxRows", why);
        Assert.Contains("Narrow the range", why);
    }

    [Fact]
    public void An_audit_filter_over_the_cap_is_refused_naming_audit_lines_and_the_filters_to_narrow()
    {
        var why = ExportLimit.TooManyAuditLines(11, 10);
        Assert.NotNull(why);
        Assert.Contains("11 audit lines", why);
        Assert.Contains("at most 10 ", why);
        Assert.Contains("from, to, key, action or outcome", why);
    }
}

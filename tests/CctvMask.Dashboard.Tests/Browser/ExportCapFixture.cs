namespace CctvMask.Dashboard.Tests.Browser;

/// <summary>
/// A server of its own whose dashboard exports hold at most <see cref="MaxRows"/> rows, below the seeded violations, so
/// the refusals can be seen in a browser (the shared server's cap is the default 100 000).
/// </summary>
public sealed class ExportCapFixture : DashboardFixture
{
    public const int MaxRows = 10;

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Dashboard__ExportMaxRows"] = MaxRows.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

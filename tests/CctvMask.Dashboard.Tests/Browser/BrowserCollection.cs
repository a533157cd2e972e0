namespace CctvMask.Dashboard.Tests.Browser;

/// <summary>Browser tests share one server and one chromium, and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "browser";
}

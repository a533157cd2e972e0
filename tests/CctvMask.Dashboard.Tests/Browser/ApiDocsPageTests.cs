using System.Diagnostics;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CctvMask.Dashboard.Tests.Browser;

/// <summary>/scalar works offline: every request it makes goes to this server. Its load time is reported, not asserted.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ApiDocsPageTests(DashboardFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task The_api_reference_fetches_nothing_from_elsewhere_and_shows_the_key_schemes()
    {
        await using var p = await DashboardPage.OpenAsync(fixture);
        var elsewhere = new List<string>();
        var own = fixture.BaseAddress.Authority;
        p.Page.Request += (_, request) =>
        {
            var url = new Uri(request.Url);
            if (url.Scheme is "http" or "https" or "ws" or "wss" && url.Authority != own) lock (elsewhere) elsewhere.Add(request.Url);
        };

        var times = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            await p.Page.GotoAsync("/scalar");
            await Expect(p.Page.GetByText("List cameras (URLs with credentials masked)").First).ToBeVisibleAsync();
            times.Add($"{clock.Elapsed.TotalMilliseconds:0}");
        }
        await p.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await p.ScreenshotAsync("30-scalar");
        await PageLoadReport.AppendAsync(output, [$"/scalar: operations shown after {string.Join(" / ", times)} ms (1366 px)"]);

        lock (elsewhere) Assert.True(elsewhere.Count == 0, "/scalar fetched from elsewhere: " + string.Join(", ", elsewhere.Distinct()));
        Assert.Contains("X-Api-Key", await p.Page.ContentAsync());
    }
}

using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CctvMask.Dashboard.Tests.Browser;

/// <summary>
/// The API docs work offline: /api-docs (the server-rendered reference the dashboard links to) shows every tag and
/// operation and the key schemes, and /scalar (the interactive console it links to) renders the operations; every
/// request either makes goes to this server. Load times, cold (a fresh browser context: empty cache) and warm (the
/// same context again), are reported, never asserted.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ApiDocsPageTests(DashboardFixture fixture, ITestOutputHelper output)
{
    private const int Loads = 5;
    private const string AnOperation = "List cameras (URLs with credentials masked)";

    [Fact]
    public async Task The_reference_page_shows_every_operation_and_the_key_schemes_and_links_the_console_all_from_this_server()
    {
        var elsewhere = new List<string>();
        var (cold, warm, p) = await MeasureAsync("/api-docs", page => page.GetByRole(AriaRole.Heading, new() { Name = AnOperation }), elsewhere);
        await using var _ = p;

        // Every tag and every operation of the document, by its summary, drawn on the page (no script involved).
        var (tags, summaries) = await DocumentAsync(p);
        Assert.True(tags.Count >= 5 && summaries.Count >= 20, $"{tags.Count} tags, {summaries.Count} operations");
        foreach (var tag in tags) await Expect(p.Page.GetByRole(AriaRole.Heading, new() { Name = tag, Exact = true })).ToBeAttachedAsync();
        foreach (var summary in summaries)
            await Expect(p.Page.GetByRole(AriaRole.Heading, new() { Name = summary, Exact = true })).ToBeAttachedAsync();
        Assert.Equal(summaries.Count, await p.Page.GetByTestId("operation").CountAsync());
        await Expect(p.Page.GetByTestId("scheme").Filter(new() { HasText = "X-Api-Key: KEY" })).ToBeVisibleAsync();
        await Expect(p.Page.GetByTestId("scheme").Filter(new() { HasText = "Authorization: Bearer KEY" })).ToBeVisibleAsync();
        await Expect(p.Page.Locator("pre").Filter(new() { HasText = "X-Api-Key: $CCTVMASK_KEY" }).First).ToBeVisibleAsync();
        await p.ScreenshotAsync("30-api-docs");

        // The console link opens Scalar, which renders the same operations from this server only.
        await p.Page.GetByTestId("console-link").ClickAsync();
        await Expect(p.Page.GetByText(AnOperation).First).ToBeVisibleAsync();
        Assert.Contains("X-Api-Key", await p.Page.ContentAsync());
        await p.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await p.ScreenshotAsync("31-scalar");

        var (scalarCold, scalarWarm, scalar) = await MeasureAsync("/scalar", page => page.GetByText(AnOperation).First, elsewhere);
        await using var __ = scalar;
        await PageLoadReport.AppendAsync(output,
        [
            $"/api-docs cold (new context), first operation shown after: {string.Join(" / ", cold)} ms (1366 px)",
            $"/api-docs warm (same context), first operation shown after: {string.Join(" / ", warm)} ms (1366 px)",
            $"/scalar cold (new context), operations shown after: {string.Join(" / ", scalarCold)} ms (1366 px)",
            $"/scalar warm (same context), operations shown after: {string.Join(" / ", scalarWarm)} ms (1366 px)",
            $"load average: {File.ReadAllText("/proc/loadavg").Trim()}",
        ]);

        lock (elsewhere) Assert.True(elsewhere.Count == 0, "the API docs fetched from elsewhere: " + string.Join(", ", elsewhere.Distinct()));
        p.AssertNoConsoleErrors();
        scalar.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task The_dashboard_links_the_reference_page()
    {
        await using var p = await DashboardPage.OpenAsync(fixture);
        await p.LoginAsync(DashboardFixture.ViewerKey);
        var link = p.Page.GetByTestId("api-docs-link");
        await Expect(link).ToHaveAttributeAsync("href", "/api-docs");
        var popup = await p.Page.RunAndWaitForPopupAsync(() => link.ClickAsync());
        await Expect(popup.GetByRole(AriaRole.Heading, new() { Name = AnOperation })).ToBeVisibleAsync();
        p.AssertNoConsoleErrors();
    }

    /// <summary>Cold loads in fresh contexts, then warm ones in one context, which is returned for further checks.</summary>
    private async Task<(List<string> Cold, List<string> Warm, DashboardPage Warmed)> MeasureAsync(
        string path, Func<IPage, ILocator> shown, List<string> elsewhere)
    {
        var cold = new List<string>();
        for (int i = 0; i < Loads; i++)
        {
            await using var fresh = await DashboardPage.OpenAsync(fixture);
            Watch(fresh.Page, elsewhere);
            cold.Add(await LoadAsync(fresh.Page, path, shown));
        }

        var p = await DashboardPage.OpenAsync(fixture);
        Watch(p.Page, elsewhere);
        await LoadAsync(p.Page, path, shown); // fills the cache
        var warm = new List<string>();
        for (int i = 0; i < Loads; i++) warm.Add(await LoadAsync(p.Page, path, shown));
        return (cold, warm, p);
    }

    private static async Task<(List<string> Tags, List<string> Summaries)> DocumentAsync(DashboardPage p)
    {
        var response = await p.Context.APIRequest.GetAsync("/openapi/v1.json");
        Assert.Equal(200, response.Status);
        var document = JsonNode.Parse(await response.TextAsync())!;
        var tags = document["tags"]!.AsArray().Select(t => (string)t!["name"]!).ToList();
        var summaries = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => operation.Value))
            .OfType<JsonObject>()
            .Select(operation => (string)operation["summary"]!)
            .ToList();
        return (tags, summaries);
    }

    private void Watch(IPage page, List<string> elsewhere)
    {
        var own = fixture.BaseAddress.Authority;
        page.Request += (_, request) =>
        {
            var url = new Uri(request.Url);
            if (url.Scheme is "http" or "https" or "ws" or "wss" && url.Authority != own) lock (elsewhere) elsewhere.Add(request.Url);
        };
    }

    private static async Task<string> LoadAsync(IPage page, string path, Func<IPage, ILocator> shown)
    {
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(path);
        await Expect(shown(page)).ToBeVisibleAsync();
        return $"{clock.Elapsed.TotalMilliseconds:0}";
    }
}

using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CctvMask.Dashboard.Tests.Browser;

/// <summary>
/// /scalar works offline: it renders the operations and every request it makes goes to this server. Its load
/// times, cold (a fresh browser context: empty cache) and warm (the same context again), are reported, never asserted.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ApiDocsPageTests(DashboardFixture fixture, ITestOutputHelper output)
{
    private const int Loads = 5;
    private const string AnOperation = "List cameras (URLs with credentials masked)";

    [Fact]
    public async Task The_api_reference_renders_the_operations_fetches_nothing_from_elsewhere_and_shows_the_key_schemes()
    {
        var elsewhere = new List<string>();
        var cold = new List<string>();
        for (int i = 0; i < Loads; i++)
        {
            await using var fresh = await DashboardPage.OpenAsync(fixture);
            Watch(fresh.Page, elsewhere);
            cold.Add(await LoadAsync(fresh.Page));
        }

        await using var p = await DashboardPage.OpenAsync(fixture);
        Watch(p.Page, elsewhere);
        await LoadAsync(p.Page); // fills the cache
        var warm = new List<string>();
        for (int i = 0; i < Loads; i++) warm.Add(await LoadAsync(p.Page));

        // The document is rendered: every tag (Scalar draws the other tags' operations when they are opened) and
        // every operation of the first tag by its summary; with the key schemes.
        var (tags, firstTagSummaries) = await DocumentAsync(p);
        Assert.True(tags.Count >= 5 && firstTagSummaries.Count >= 5, $"{tags.Count} tags, {firstTagSummaries.Count} operations in the first");
        foreach (var tag in tags) await Expect(p.Page.GetByText(tag, new() { Exact = true }).First).ToBeAttachedAsync();
        foreach (var summary in firstTagSummaries) await Expect(p.Page.GetByText(summary, new() { Exact = true }).First).ToBeAttachedAsync();
        Assert.Contains("X-Api-Key", await p.Page.ContentAsync());
        await p.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await p.ScreenshotAsync("30-scalar");
        await PageLoadReport.AppendAsync(output,
        [
            $"/scalar cold (new context), operations shown after: {string.Join(" / ", cold)} ms (1366 px)",
            $"/scalar warm (same context), operations shown after: {string.Join(" / ", warm)} ms (1366 px)",
        ]);

        lock (elsewhere) Assert.True(elsewhere.Count == 0, "/scalar fetched from elsewhere: " + string.Join(", ", elsewhere.Distinct()));
        p.AssertNoConsoleErrors();
    }

    private static async Task<(List<string> Tags, List<string> FirstTagSummaries)> DocumentAsync(DashboardPage p)
    {
        var response = await p.Context.APIRequest.GetAsync("/openapi/v1.json");
        Assert.Equal(200, response.Status);
        var document = JsonNode.Parse(await response.TextAsync())!;
        var tags = document["tags"]!.AsArray().Select(t => (string)t!["name"]!).ToList();
        var summaries = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => operation.Value))
            .OfType<JsonObject>()
            .Where(operation => operation["tags"]?.AsArray().Any(t => (string?)t == tags[0]) == true)
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

    private static async Task<string> LoadAsync(IPage page)
    {
        var clock = Stopwatch.StartNew();
        await page.GotoAsync("/scalar");
        await Expect(page.GetByText(AnOperation).First).ToBeVisibleAsync();
        return $"{clock.Elapsed.TotalMilliseconds:0}";
    }
}

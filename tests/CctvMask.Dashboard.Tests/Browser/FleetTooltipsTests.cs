using CctvMask.Dashboard.Cameras;
using CctvMask.Dashboard.Fleet;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CctvMask.Dashboard.Tests.Browser;

/// <summary>
/// What an operator reads when hovering the fleet table: each column header's explanation, each number cell's
/// (the browser's native tooltip, the title of the element under the pointer), the status chip's meaning and the
/// sparkline's numbers, on the seeded camera (disabled; 24 h compliance 90, 80, 60, 75, 50, 70, then 80 %).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FleetTooltipsTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Hovering_the_fleet_table_shows_what_each_number_is()
    {
        await using var p = await DashboardPage.OpenAsync(fixture);
        await p.LoginAsync(DashboardFixture.ViewerKey);
        var row = p.Page.GetByTestId("fleet-table").Locator("tbody tr", new() { HasText = Seeder.CameraName });
        await DashboardPage.WaitForPlottedSeriesAsync(row.GetByTestId("sparkline"), 20, 2);

        // Number cells: the native tooltip of what is under the pointer.
        (string Column, string Tip)[] cells =
        [
            ("FPS", FleetHelp.Fps),
            ("People this hour", FleetHelp.PeopleThisHour),
            ("People today", FleetHelp.PeopleToday),
            ("Compliance now", FleetHelp.ComplianceNow),
            ("Compliance 24 h", FleetHelp.Compliance24h),
            ("Assessable (24 h)", FleetHelp.Assessable),
        ];
        foreach (var (column, tip) in cells)
            Assert.Equal(tip, await HoveredTitleAsync(p.Page, row.Locator($"td[data-label='{column}']")));

        // The sparkline says its numbers: first and last hour, low and high.
        Assert.Equal($"{Seeder.CameraName} compliance, last 24 h: from 90% to 80%, low 50%, high 90%",
            await HoveredTitleAsync(p.Page, row.GetByTestId("sparkline")));

        // The status chip explains its state (a MudBlazor tooltip, drawn on hover).
        await row.GetByTestId("status").HoverAsync();
        await Expect(Tooltip(p.Page, CameraStates.Describe(CameraStates.Disabled))).ToBeVisibleAsync();

        // Column headers: every state in the API's words (no second vocabulary), and what "now" means.
        await p.Page.GetByTestId("fleet-table").Locator("th", new() { HasText = "Status" }).Locator(".mud-table-sort-label").HoverAsync();
        var status = Tooltip(p.Page, FleetHelp.Status);
        await Expect(status).ToBeVisibleAsync();
        foreach (var state in CameraStates.Filterable) await Expect(status).ToContainTextAsync($"{state}: {CameraStates.Describe(state)}");
        await Expect(status).Not.ToContainTextAsync("streaming");
        await p.Page.GetByTestId("fleet-table").Locator("th", new() { HasText = "Compliance now" }).Locator(".mud-table-sort-label").HoverAsync();
        await Expect(Tooltip(p.Page, FleetHelp.ComplianceNow)).ToBeVisibleAsync();
        p.AssertNoConsoleErrors();
    }

    private static ILocator Tooltip(IPage page, string text) =>
        page.Locator(".mud-tooltip").Filter(new() { HasText = text }).First;

    /// <summary>Hovers the element and returns the title the browser shows: the nearest one around what is under the pointer.</summary>
    private static async Task<string?> HoveredTitleAsync(IPage page, ILocator target)
    {
        await target.HoverAsync();
        return await page.EvaluateAsync<string?>(
            "() => { const hovered = [...document.querySelectorAll(':hover')].pop(); return hovered?.closest('[title]')?.getAttribute('title') ?? null; }");
    }
}

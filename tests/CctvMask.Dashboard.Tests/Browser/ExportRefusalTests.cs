using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CctvMask.Dashboard.Violations;
using static Microsoft.Playwright.Assertions;

namespace CctvMask.Dashboard.Tests.Browser;

/// <summary>
/// Exports over <c>Dashboard:ExportMaxRows</c>: the page says so before the click and disables the button, the link
/// itself answers 400 with the same words, and a narrower filter can be exported again.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ExportRefusalTests(ExportCapFixture fixture) : IClassFixture<ExportCapFixture>
{
    [Fact]
    public async Task A_violations_filter_over_the_cap_is_refused_before_the_click_and_a_narrower_one_is_not()
    {
        await using var p = await DashboardPage.OpenAsync(fixture);
        await p.LoginAsync(DashboardFixture.AdminKey, "/violations");

        var refusal = p.Page.GetByTestId("export-too-large");
        await Expect(refusal).ToContainTextAsync($"{Seeder.ViolationCount} violations");
        await Expect(refusal).ToContainTextAsync($"at most {ExportCapFixture.MaxRows} ");
        await Expect(p.Page.GetByTestId("export-csv")).ToBeDisabledAsync();
        await p.ScreenshotAsync("31-export-refused");

        // A link kept from before is refused the same way, not answered with a file cut short.
        var direct = await p.Context.APIRequest.GetAsync("/dashboard/export/violations.csv");
        Assert.Equal(400, direct.Status);
        Assert.Contains($"{Seeder.ViolationCount} violations", await direct.TextAsync());

        // The newest incident only (5 violations, half an hour before seeding): within the cap again.
        await p.Page.Locator("#violations-from").FillAsync(UtcInput.Format(fixture.SeededAt.AddMinutes(-45)));
        await p.Page.Locator("#violations-from").BlurAsync();
        await Expect(p.Page.GetByTestId("violations-table").Locator("tbody tr")).ToHaveCountAsync(Seeder.PerIncident);
        await Expect(refusal).ToHaveCountAsync(0);
        var download = await p.Page.RunAndWaitForDownloadAsync(() => p.Page.GetByTestId("export-csv").ClickAsync());
        var csv = await File.ReadAllLinesAsync(await download.PathAsync());
        Assert.Equal(Seeder.PerIncident, csv.Count(l => l.Length > 0) - 1);
        p.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task An_audit_filter_over_the_cap_is_refused_before_the_click_and_a_narrower_one_is_not()
    {
        // More evidence reads than the cap, each one an audit line.
        using var api = fixture.AdminApi();
        var page = JsonNode.Parse(await api.GetStringAsync("api/violations?pageSize=50"))!;
        var ids = page["items"]!.AsArray().Select(v => (string)v!["id"]!).Take(ExportCapFixture.MaxRows + 1).ToArray();
        Assert.Equal(ExportCapFixture.MaxRows + 1, ids.Length);
        foreach (var id in ids)
            (await api.GetAsync($"api/violations/{id}/face")).EnsureSuccessStatusCode();

        await using var p = await DashboardPage.OpenAsync(fixture);
        await p.LoginAsync(DashboardFixture.AdminKey, "/audit");
        await p.Page.Locator("#audit-action").FillAsync("violation.face");
        var refusal = p.Page.GetByTestId("export-too-large");
        await Expect(refusal).ToContainTextAsync("audit lines");
        await Expect(refusal).ToContainTextAsync($"at most {ExportCapFixture.MaxRows} ");
        await Expect(p.Page.GetByTestId("export-audit")).ToBeDisabledAsync();

        var direct = await p.Context.APIRequest.GetAsync("/dashboard/export/audit.csv?action=violation.face");
        Assert.Equal(400, direct.Status);
        Assert.Contains("audit lines", await direct.TextAsync());

        // From tomorrow: nothing matches, nothing to refuse.
        await p.Page.Locator("#audit-from").FillAsync(UtcInput.Format(DateTimeOffset.UtcNow.AddDays(1)));
        await Expect(p.Page.GetByTestId("no-audit")).ToBeVisibleAsync();
        await Expect(refusal).ToHaveCountAsync(0);
        await Expect(p.Page.GetByTestId("export-audit")).ToBeEnabledAsync();
        p.AssertNoConsoleErrors();
    }
}

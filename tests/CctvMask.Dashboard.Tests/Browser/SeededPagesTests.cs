using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CctvMask.Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SeededPagesTests(DashboardFixture fixture)
{
    // Seeded totals (Seeder.Hours plus the recent minute 4 masked / 1 unmasked).
    private static readonly long Masked = Seeder.Hours.Sum(h => h.Masked) + 4;
    private static readonly long Unmasked = Seeder.Hours.Sum(h => h.Unmasked) + 1;

    private static string Pct(double value) => value.ToString("0.0", CultureInfo.InvariantCulture) + " %";

    [Fact]
    public async Task Fleet_camera_and_violations_pages_show_the_seeded_history()
    {
        await using var p = await DashboardPage.OpenAsync(fixture);
        await p.LoginAsync(DashboardFixture.AdminKey);

        // Fleet overview: the seeded camera with its 24 h compliance and a sparkline; it is disabled, so no
        // "now" value (— rather than the stale 80 % of its last minute); people of this hour counted once.
        var row = p.Page.GetByTestId("fleet-table").Locator("tr", new() { HasText = Seeder.CameraName });
        await Expect(row).ToContainTextAsync(Pct(100.0 * Masked / (Masked + Unmasked)));
        await Expect(row.GetByTestId("fleet-compliance-now")).ToHaveTextAsync("—");
        await Expect(row.GetByTestId("fleet-people-hour")).ToHaveTextAsync("5");
        await Expect(row.GetByTestId("fleet-people-hour")).ToHaveAttributeAsync("title", CctvMask.Dashboard.Fleet.FleetHelp.PeopleThisHour);
        await Expect(row.GetByTestId("status")).ToHaveTextAsync("disabled");
        await DashboardPage.WaitForPlottedSeriesAsync(row.GetByTestId("sparkline"), 20, 2);
        Assert.True(await p.FitsViewportAsync());
        await p.ScreenshotAsync("02-fleet-laptop");

        // Camera page: the chart plots the seeded series; the data table under it holds each hour's numbers.
        await row.GetByRole(AriaRole.Link, new() { Name = Seeder.CameraName }).ClickAsync();
        await Expect(p.Page.GetByRole(AriaRole.Heading, new() { Name = Seeder.CameraName, Level = 1 })).ToBeVisibleAsync();
        await Expect(p.Page.GetByTestId("compliance-chart")).ToBeVisibleAsync();
        // One point per seeded hour and the recent minute's hour; a stacked bar part per verdict present.
        await Expect(p.Page.GetByTestId("compliance-chart").Locator(".tchart-dot")).ToHaveCountAsync(Seeder.Hours.Length + 1);
        await Expect(p.Page.GetByTestId("people-chart").Locator("rect.bar-masked")).ToHaveCountAsync(Seeder.Hours.Length + 1);
        await p.Page.GetByText("Show the data as a table").ClickAsync();
        var table = p.Page.GetByTestId("compliance-table");
        foreach (var h in Seeder.Hours)
        {
            var start = Seeder.HourStart(fixture.SeededAt, h.HoursAgo).UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            var hourRow = table.Locator("tr", new() { HasText = start });
            await Expect(hourRow).ToContainTextAsync(Pct(100.0 * h.Masked / (h.Masked + h.Unmasked)));
            await Expect(hourRow).ToContainTextAsync((h.Masked + h.Unmasked + h.Unknown).ToString(CultureInfo.InvariantCulture));
        }
        // The people who wore the mask wrongly: an orange line over the bars, in the legend and in the summary.
        await Expect(p.Page.GetByTestId("people-chart").GetByTestId("incorrect-series")).ToBeAttachedAsync();
        await Expect(p.Page.GetByTestId("incorrect-legend")).ToBeVisibleAsync();
        await Expect(p.Page.GetByTestId("compliance-summary")).ToContainTextAsync($"{Seeder.IncorrectPeople} mask incorrect");

        // The compliance export: the chart's buckets as CSV, with the incorrect count, and no camera URL.
        var complianceDownload = await p.Page.RunAndWaitForDownloadAsync(() => p.Page.GetByTestId("export-compliance").ClickAsync());
        var compliancePath = Path.Combine(DashboardFixture.ScreenshotDirectory, "compliance.csv");
        await complianceDownload.SaveAsAsync(compliancePath);
        var complianceCsv = await File.ReadAllTextAsync(compliancePath);
        var complianceRows = complianceCsv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("bucket_start_utc,camera_id,camera_name,people,masked,unmasked,incorrect,unknown,masked_share", complianceRows[0]);
        Assert.Equal(Seeder.Hours.Length + 1, complianceRows.Length - 1);
        Assert.All(complianceRows.Skip(1), l => Assert.Contains($",{Seeder.CameraId},{Seeder.CameraName},", l));
        Assert.Equal(Seeder.IncorrectPeople, complianceRows.Skip(1).Sum(l => int.Parse(l.Split(',')[6], CultureInfo.InvariantCulture)));
        Assert.DoesNotContain(Seeder.CameraSecret, complianceCsv);

        // Credentials never reach the page; the masked URL does.
        var body = await p.Page.InnerTextAsync("body");
        Assert.DoesNotContain(Seeder.CameraSecret, body);
        Assert.DoesNotContain(Seeder.CameraSecret, await p.Page.ContentAsync());
        await Expect(p.Page.GetByTestId("camera-id")).ToHaveTextAsync("id: " + Seeder.CameraId);
        await p.OpenSettingsAsync();
        Assert.DoesNotContain(Seeder.CameraSecret, await p.Page.ContentAsync());
        Assert.Equal("rtsp://operator:***@", (await p.Page.Locator("input[id$='-url']").InputValueAsync())[..20]);

        // Incidents first: the seeded violations in their incidents; one opens its violations, one its evidence.
        var gallery = p.Page.GetByTestId("violation-gallery");
        await Expect(gallery.GetByTestId("incident")).ToHaveCountAsync(Seeder.IncidentCount);
        await p.ScreenshotAsync("03-camera-laptop");
        await gallery.GetByTestId("incident").First.GetByTestId("incident-expand").ClickAsync();
        await Expect(gallery.GetByTestId("incident-violation")).ToHaveCountAsync(Seeder.PerIncident);
        await gallery.GetByTestId("incident-violation").First.ClickAsync();
        var full = p.Page.GetByTestId("snapshot-full");
        await Expect(full).ToBeVisibleAsync();
        await Eventually.TrueAsync(async () => await full.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0") > 0,
            TimeSpan.FromSeconds(30), "the full snapshot loads");
        await p.ScreenshotAsync("04-snapshot-dialog");
        await p.Page.Keyboard.PressAsync("Escape");

        // Violations page: all seeded rows, a filter that excludes them, and the CSV export.
        await p.Page.GotoAsync("/violations");
        var violations = p.Page.GetByTestId("violations-table");
        await Expect(violations.Locator("tbody tr")).ToHaveCountAsync(Seeder.ViolationCount);
        var download = await p.Page.RunAndWaitForDownloadAsync(() => p.Page.GetByTestId("export-csv").ClickAsync());
        var csvPath = Path.Combine(DashboardFixture.ScreenshotDirectory, "violations.csv");
        await download.SaveAsAsync(csvPath);
        var lines = (await File.ReadAllLinesAsync(csvPath)).Where(l => l.Length > 0).ToArray();
        Assert.Equal(CctvMask.Dashboard.Export.ViolationCsv.Header, lines[0]);
        Assert.Equal(Seeder.ViolationCount, lines.Length - 1);
        Assert.All(lines.Skip(1), l => Assert.Contains($",{Seeder.CameraId},{Seeder.CameraName},", l));
        await p.ScreenshotAsync("06-violations-laptop");

        var future = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        await p.Page.Locator("#violations-from").FillAsync(future);
        await p.Page.Locator("#violations-from").BlurAsync();
        await Expect(p.Page.GetByTestId("no-violations")).ToBeVisibleAsync();
        p.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Pages_fit_a_tablet_screen()
    {
        await using var p = await DashboardPage.OpenAsync(fixture, DashboardPage.TabletWidth, DashboardPage.TabletHeight);
        await p.LoginAsync(DashboardFixture.AdminKey);
        foreach (var (path, name, ready) in new[]
                 {
                     ("/", "07-fleet-tablet", "fleet-table"),
                     ($"/cameras/{Seeder.CameraId}", "08-camera-tablet", "compliance-chart"),
                     ("/cameras", "09-cameras-tablet", "cameras-table"),
                     ("/violations", "10-violations-tablet", "violations-table"),
                 })
        {
            await p.Page.GotoAsync(path);
            await Expect(p.Page.GetByTestId(ready)).ToBeVisibleAsync();
            Assert.True(await p.FitsViewportAsync(), $"{path} is wider than a tablet screen");
            await p.ScreenshotAsync(name);
        }
        p.AssertNoConsoleErrors();
    }
}

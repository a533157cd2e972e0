using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CctvMask.Dashboard.Tests.Browser;

/// <summary>
/// A 390 px phone: the fleet, camera and violations pages never scroll sideways. Each page's load time (navigation
/// to its data shown) is measured and reported (written to page-load-times.txt beside the screenshots), never asserted.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneLayoutTests(DashboardFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Fleet_camera_and_violations_pages_fit_a_390_px_phone()
    {
        await using var p = await DashboardPage.OpenAsync(fixture, DashboardPage.PhoneWidth, DashboardPage.PhoneHeight);
        await p.LoginAsync(DashboardFixture.AdminKey);
        var report = new List<string>();
        foreach (var (path, name, ready) in new[]
                 {
                     ("/", "20-fleet-phone", "fleet-table"),
                     ($"/cameras/{Seeder.CameraId}", "21-camera-phone", "compliance-chart"),
                     ("/violations", "22-violations-phone", "violations-table"),
                 })
        {
            var clock = Stopwatch.StartNew();
            await p.Page.GotoAsync(path);
            await Expect(p.Page.GetByTestId(ready)).ToBeVisibleAsync();
            var shown = clock.Elapsed;
            // Let late content (charts, thumbnails, the silo line) settle before measuring the width.
            await p.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.True(await p.FitsViewportAsync(), $"{path} scrolls sideways at 390 px: {await p.WidthsAsync()}");
            await p.ScreenshotAsync(name);
            report.Add($"{path}: data shown {shown.TotalMilliseconds:0} ms after navigation (390 px)");
        }
        await PageLoadReport.AppendAsync(output, report);
        p.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Page_load_times_on_a_laptop_are_reported()
    {
        await using var p = await DashboardPage.OpenAsync(fixture);
        await p.LoginAsync(DashboardFixture.AdminKey);
        var report = new List<string>();
        foreach (var (path, ready) in new[]
                 {
                     ("/", "fleet-table"),
                     ($"/cameras/{Seeder.CameraId}", "compliance-chart"),
                     ("/violations", "violations-table"),
                 })
        {
            // Three loads each: the first after a cold start of the page's circuit, the others warm.
            var times = new List<double>();
            for (int i = 0; i < 3; i++)
            {
                var clock = Stopwatch.StartNew();
                await p.Page.GotoAsync(path);
                await Expect(p.Page.GetByTestId(ready)).ToBeVisibleAsync();
                times.Add(clock.Elapsed.TotalMilliseconds);
                var loaded = await p.Page.EvaluateAsync<double>("() => performance.getEntriesByType('navigation')[0].loadEventEnd");
                Assert.True(loaded > 0, "the page finished loading");
            }
            report.Add($"{path}: data shown after {string.Join(" / ", times.Select(t => t.ToString("0", CultureInfo.InvariantCulture)))} ms (1366 px)");
        }
        await PageLoadReport.AppendAsync(output, report);
        p.AssertNoConsoleErrors();
    }
}

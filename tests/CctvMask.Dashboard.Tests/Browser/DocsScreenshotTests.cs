using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CctvMask.Dashboard.Tests.Browser;

/// <summary>
/// The documentation's pictures from a real run: a camera on the simulator's crowd clip in the <c>blurred</c>
/// privacy mode (every face pixelated, no face crop: no identifiable face lands in the repository), analysed until
/// its first minute of compliance and its first violation are stored; then its page, its evidence, the fleet,
/// its incidents, and the seeded camera's charts (no images). Written to CCTVMASK_DOCS_SCREENSHOTS, else a docs
/// folder beside the other screenshots; the README's command points it at docs/screenshots.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DocsScreenshotTests(DashboardFixture fixture)
{
    private const string CameraId = "entrance-hall";
    private static readonly TimeSpan FirstMinute = TimeSpan.FromMinutes(3);

    public static string DocsDirectory { get; } =
        Environment.GetEnvironmentVariable("CCTVMASK_DOCS_SCREENSHOTS") is { Length: > 0 } folder
            ? Path.GetFullPath(folder)
            : Path.Combine(DashboardFixture.ScreenshotDirectory, "docs");

    [Fact]
    public async Task A_blurred_streaming_camera_shows_live_boxes_compliance_and_pixelated_evidence()
    {
        using var api = fixture.AdminApi();
        using (var created = await api.PostAsJsonAsync("api/cameras",
                   new { id = CameraId, name = "Entrance hall", url = fixture.RtspBase + "/crowd360", privacyMode = "blurred" }))
            created.EnsureSuccessStatusCode();
        try
        {
            // A closed minute with judged people (the chart has a point, the fleet a "compliance now") and a violation.
            var from = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O");
            await Eventually.TrueAsync(async () =>
            {
                var series = JsonNode.Parse(await api.GetStringAsync($"api/cameras/{CameraId}/compliance?from={Uri.EscapeDataString(from)}"))!;
                var total = series["total"];
                var violations = JsonNode.Parse(await api.GetStringAsync($"api/violations?cameraId={CameraId}&pageSize=1"))!;
                return total is not null && (int?)total["masked"] + (int?)total["unmasked"] > 0 && (int?)violations["total"] > 0;
            }, FirstMinute, "the first minute of compliance and a violation are stored");
            Directory.CreateDirectory(DocsDirectory);

            await using var p = await DashboardPage.OpenAsync(fixture, DashboardPage.LaptopWidth, 1000);
            await p.LoginAsync(DashboardFixture.AdminKey, "/cameras/" + CameraId);
            await Expect(p.Page.GetByTestId("camera-status").GetByTestId("status")).ToHaveTextAsync("running");
            var live = p.Page.GetByTestId("live-view");
            await Eventually.TrueAsync(async () => await live.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0") > 320,
                TimeSpan.FromSeconds(30), "the live view shows a camera frame");
            await Expect(p.Page.GetByTestId("box-legend")).ToContainTextAsync("unknown");
            await Expect(p.Page.GetByTestId("compliance-chart")).ToBeVisibleAsync();
            await Shot(p.Page, "camera");

            // Evidence of a blurred camera: the pixelated snapshot; no face crop (the placeholder says so).
            var gallery = p.Page.GetByTestId("violation-gallery");
            await gallery.GetByTestId("incident").First.GetByTestId("incident-expand").ClickAsync();
            await gallery.GetByTestId("incident-violation").First.ClickAsync();
            var full = p.Page.GetByTestId("snapshot-full");
            await Eventually.TrueAsync(async () => await full.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0") > 0,
                TimeSpan.FromSeconds(30), "the snapshot loads");
            var face = await p.Context.APIRequest.GetAsync((await p.Page.GetByTestId("evidence-face").GetAttributeAsync("src"))!);
            Assert.Equal("image/svg+xml", face.Headers["content-type"]);
            Assert.Contains("No face crop stored", await face.TextAsync());
            await Shot(p.Page, "evidence", fullPage: false); // the dialog as it is seen, over the page
            await p.Page.Keyboard.PressAsync("Escape");

            await p.Page.GotoAsync("/");
            await Expect(p.Page.GetByTestId("fleet-table").Locator("tbody tr", new() { HasText = "Entrance hall" })).ToBeVisibleAsync();
            await DashboardPage.WaitForPlottedSeriesAsync(p.Page.GetByTestId("fleet-table"), 20, 2);
            await Shot(p.Page, "fleet");

            await p.Page.GotoAsync($"/violations?cameraId={CameraId}");
            await Expect(p.Page.GetByTestId("incidents").GetByTestId("incident").First).ToBeVisibleAsync();
            await Expect(p.Page.GetByTestId("violations-table").GetByTestId("open-evidence").First).ToBeVisibleAsync();
            await Shot(p.Page, "violations");

            await p.Page.GotoAsync($"/cameras/{Seeder.CameraId}");
            await Expect(p.Page.GetByTestId("compliance-chart").Locator(".tchart-dot").First).ToBeAttachedAsync();
            await p.Page.GetByTestId("compliance-section").ScreenshotAsync(new() { Path = Path.Combine(DocsDirectory, "charts.png") });
        }
        finally
        {
            await api.DeleteAsync($"api/cameras/{CameraId}");
        }
    }

    private static Task Shot(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DocsDirectory, name + ".png"), FullPage = fullPage });
}

using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CctvMask.Dashboard.Tests.Browser;

/// <summary>
/// The README's dashboard picture from a real run: a camera on the simulator's crowd clip, analysed until its
/// first minute of compliance is stored, then its page. Saved as readme-camera.png beside the other screenshots
/// (copy it to docs/dashboard-camera.png to refresh the README).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReadmeScreenshotTests(DashboardFixture fixture)
{
    private static readonly TimeSpan FirstMinute = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_streaming_camera_page_shows_live_boxes_and_its_first_compliance()
    {
        using var api = fixture.AdminApi();
        const string id = "entrance-hall";
        using (var created = await api.PostAsJsonAsync("api/cameras", new { id, name = "Entrance hall", url = fixture.RtspBase + "/crowd360" }))
            created.EnsureSuccessStatusCode();
        try
        {
            // A closed minute with judged people: the chart then has a point and the fleet a "compliance now".
            var from = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O");
            await Eventually.TrueAsync(async () =>
            {
                var series = JsonNode.Parse(await api.GetStringAsync($"api/cameras/{id}/compliance?from={Uri.EscapeDataString(from)}"))!;
                var total = series["total"];
                return total is not null && (int?)total["masked"] + (int?)total["unmasked"] > 0;
            }, FirstMinute, "the first minute of compliance is stored");

            await using var p = await DashboardPage.OpenAsync(fixture, DashboardPage.LaptopWidth, 1000);
            await p.LoginAsync(DashboardFixture.AdminKey, "/cameras/" + id);
            await Expect(p.Page.GetByTestId("camera-status").GetByTestId("status")).ToHaveTextAsync("running");
            var live = p.Page.GetByTestId("live-view");
            await Eventually.TrueAsync(async () => await live.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0") > 320,
                TimeSpan.FromSeconds(30), "the live view shows a camera frame");
            await Expect(p.Page.GetByTestId("box-legend")).ToContainTextAsync("unknown");
            await Expect(p.Page.GetByTestId("compliance-chart")).ToBeVisibleAsync();
            await p.ScreenshotAsync("readme-camera");
            p.AssertNoConsoleErrors();
        }
        finally
        {
            await api.DeleteAsync($"api/cameras/{id}");
        }
    }
}

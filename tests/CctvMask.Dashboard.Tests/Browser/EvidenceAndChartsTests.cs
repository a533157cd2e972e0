using System.Net.Http.Json;
using System.Text.Json;
using CctvMask.Vision.Imaging;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CctvMask.Dashboard.Tests.Browser;

/// <summary>
/// Evidence shows who (face first, the violator's magenta box in the snapshot the browser receives),
/// the camera page's two charts share one time axis, and incidents can be acknowledged.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EvidenceAndChartsTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Evidence_shows_the_face_first_and_the_violator_highlighted_in_the_snapshot()
    {
        await using var p = await DashboardPage.OpenAsync(fixture);
        await p.LoginAsync(DashboardFixture.ViewerKey, $"/cameras/{Seeder.CameraId}");
        var gallery = p.Page.GetByTestId("violation-gallery");
        await gallery.GetByTestId("incident").First.GetByTestId("incident-expand").ClickAsync();
        await gallery.GetByTestId("incident-violation").First.ClickAsync();

        var face = p.Page.GetByTestId("evidence-face");
        var full = p.Page.GetByTestId("snapshot-full");
        await Expect(face).ToBeVisibleAsync();
        await Expect(full).ToBeVisibleAsync();
        await Eventually.TrueAsync(async () => await full.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0") > 0,
            TimeSpan.FromSeconds(30), "the snapshot loads");
        // Who first: the face crop is above the snapshot.
        var faceBox = (await face.BoundingBoxAsync())!;
        var fullBox = (await full.BoundingBoxAsync())!;
        Assert.True(faceBox.Y + faceBox.Height <= fullBox.Y + 1, $"face at {faceBox.Y}, snapshot at {fullBox.Y}");
        await p.ScreenshotAsync("40-evidence");

        // The image the browser gets, decoded: the violator's magenta stroke is there, around the face box.
        var src = await full.GetAttributeAsync("src");
        var response = await p.Context.APIRequest.GetAsync(src!);
        Assert.Equal(200, response.Status);
        using var image = ImageCodec.Decode(await response.BodyAsync());
        var (inBand, inside) = CountViolatorPixels(image);
        Assert.True(inBand > 50, $"{inBand} magenta pixels around the violator's box");
        Assert.True(inside * 10 < inBand, $"the face itself is not painted over ({inside} magenta pixels inside the box)");

        // Zoom: 2× makes the image twice the width it had fitted; download links point at the images.
        var fitted = fullBox.Width;
        await p.Page.GetByTestId("zoom-2").ClickAsync();
        await Eventually.TrueAsync(async () => (await full.BoundingBoxAsync())!.Width > fitted * 1.5, TimeSpan.FromSeconds(10), "the snapshot zooms");
        await Expect(p.Page.GetByTestId("download-snapshot")).ToHaveAttributeAsync("download", new System.Text.RegularExpressions.Regex("snapshot\\.jpg$"));
        await Expect(p.Page.GetByTestId("download-face")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("/face$"));
        p.AssertNoConsoleErrors();
    }

    [Theory]
    [InlineData(DashboardPage.LaptopWidth, DashboardPage.LaptopHeight)]
    [InlineData(390, 844)]
    public async Task The_compliance_and_people_charts_share_one_time_axis(int width, int height)
    {
        await using var p = await DashboardPage.OpenAsync(fixture, width, height);
        await p.LoginAsync(DashboardFixture.ViewerKey, $"/cameras/{Seeder.CameraId}");
        var compliance = p.Page.GetByTestId("compliance-plot");
        var people = p.Page.GetByTestId("people-plot");
        await Expect(compliance).ToBeVisibleAsync();
        await Expect(people.Locator("rect").First).ToBeAttachedAsync();

        var a = (await compliance.BoundingBoxAsync())!;
        var b = (await people.BoundingBoxAsync())!;
        Assert.True(Math.Abs(a.X - b.X) < 1 && Math.Abs(a.Width - b.Width) < 1, $"plots at x {a.X}/{b.X}, width {a.Width}/{b.Width}");
        // The same bucket sits at the same x in both charts (first and last time label).
        var ticksA = p.Page.GetByTestId("compliance-x").Locator("span");
        var ticksB = p.Page.GetByTestId("people-x").Locator("span");
        var count = await ticksA.CountAsync();
        Assert.Equal(count, await ticksB.CountAsync());
        foreach (var i in new[] { 0, count - 1 })
        {
            var (t, other) = (ticksA.Nth(i), ticksB.Nth(i));
            var text = await t.InnerTextAsync();
            Assert.Equal(text, await other.InnerTextAsync());
            var (x1, x2) = ((await t.BoundingBoxAsync())!, (await other.BoundingBoxAsync())!);
            Assert.True(Math.Abs(x1.X + x1.Width / 2 - (x2.X + x2.Width / 2)) < 1, $"label {text} at {x1.X} and {x2.X}");
        }
        // Full width: the plot takes most of the page; UTC is marked; legend, target line and tooltips exist.
        Assert.True(a.Width > width * 0.6, $"plot {a.Width} px wide on a {width} px screen");
        await Expect(p.Page.GetByTestId("people-chart")).ToContainTextAsync("UTC");
        await Expect(p.Page.GetByTestId("people-chart")).ToContainTextAsync("Not assessable");
        await Expect(p.Page.GetByTestId("target-line")).ToBeAttachedAsync();
        var tip = await compliance.Locator(".tchart-hit[data-tip*='masked']").First.GetAttributeAsync("data-tip");
        Assert.Contains("UTC", tip);
        Assert.True(await p.FitsViewportAsync(), "the camera page is wider than the screen");
        if (width == DashboardPage.LaptopWidth)
        {
            await p.Page.GetByTestId("compliance-section").ScreenshotAsync(new() { Path = Path.Combine(DashboardFixture.ScreenshotDirectory, "41-charts.png") });
            await p.Page.GotoAsync("/");
            await Expect(p.Page.GetByTestId("fleet-table")).ToBeVisibleAsync();
            await p.ScreenshotAsync("42-fleet");
        }
        p.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task An_admin_acknowledges_an_incident_and_the_review_is_recorded()
    {
        await using var p = await DashboardPage.OpenAsync(fixture);
        // The seeded camera only: other tests of this fixture stream the crowd clip and raise incidents of their own.
        await p.LoginAsync(DashboardFixture.AdminKey, $"/violations?cameraId={Seeder.CameraId}");
        var incidents = p.Page.GetByTestId("incidents");
        await Expect(incidents.GetByTestId("incident")).ToHaveCountAsync(Seeder.IncidentCount);
        await p.ScreenshotAsync("43-violations");

        var open = incidents.Locator("[data-testid=incident][data-state=open]");
        var openBefore = await open.CountAsync();
        Assert.True(openBefore > 0);
        var first = open.First;
        var counted = await first.GetByTestId("incident-count").InnerTextAsync();
        await first.GetByTestId("incident-acknowledge").ClickAsync();
        await Expect(open).ToHaveCountAsync(openBefore - 1);
        var acknowledged = incidents.Locator("[data-testid=incident][data-state=acknowledged]").First;
        await Expect(acknowledged.GetByTestId("incident-state")).ToContainTextAsync("acknowledged by admin at");
        await Expect(acknowledged.GetByTestId("incident-count")).ToHaveTextAsync(counted);

        // Filter by state.
        await p.Page.GetByTestId("incident-state-filter").ClickAsync();
        await p.Page.GetByRole(AriaRole.Option, new() { Name = "acknowledged", Exact = true }).ClickAsync();
        await Expect(incidents.GetByTestId("incident")).ToHaveCountAsync(Seeder.IncidentCount - openBefore + 1);
        await Expect(incidents.Locator("[data-testid=incident][data-state=open]")).ToHaveCountAsync(0);

        // Stored: the API returns who and when; a viewer may not review.
        using var api = fixture.AdminApi();
        var page = await api.GetFromJsonAsync<JsonElement>($"api/incidents?state=acknowledged&cameraId={Seeder.CameraId}");
        var item = page.GetProperty("items").EnumerateArray().First();
        Assert.Equal("admin", item.GetProperty("reviewedBy").GetString());
        Assert.True(item.GetProperty("reviewedAt").GetDateTimeOffset() > fixture.SeededAt);
        using var viewer = new HttpClient { BaseAddress = fixture.BaseAddress };
        viewer.DefaultRequestHeaders.Add("X-Api-Key", DashboardFixture.ViewerKey);
        using var refused = await viewer.PostAsync($"api/incidents/{item.GetProperty("id").GetString()}/dismiss", null);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
        p.AssertNoConsoleErrors();
    }

    // Magenta pixels (the violator colour after JPEG) in a band around the seeded violator box, and inside it.
    private static (int InBand, int Inside) CountViolatorPixels(BgrImage image)
    {
        var c = FrameAnnotator.ViolatorColor;
        float side = image.Width * Seeder.FaceSide, left = image.Width * Seeder.FaceLeft, top = image.Height * Seeder.FaceTop;
        float band = Math.Max(12, side * 0.25f);
        var frame = image.AsFrame();
        var pixels = frame.Data.Span;
        int inBand = 0, insideCount = 0;
        for (int y = 0; y < image.Height; y++)
        {
            for (int x = 0; x < image.Width; x++)
            {
                int o = y * frame.Stride + x * 3;
                int db = pixels[o] - c.Blue, dg = pixels[o + 1] - c.Green, dr = pixels[o + 2] - c.Red;
                if (db * db + dg * dg + dr * dr > 60 * 60) continue;
                bool near = x >= left - band && x <= left + side + band && y >= top - band * 3 && y <= top + side + band;
                bool inside = x > left + band && x < left + side - band && y > top + band && y < top + side - band;
                if (inside) insideCount++;
                else if (near) inBand++;
            }
        }
        return (inBand, insideCount);
    }
}

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CctvMask.Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class CameraRegistrationTests(DashboardFixture fixture)
{
    [Fact]
    public async Task An_admin_registers_a_camera_through_the_form_and_it_streams()
    {
        const string name = "Entrance";
        await using var p = await DashboardPage.OpenAsync(fixture);
        await p.LoginAsync(DashboardFixture.AdminKey, "/cameras");

        await p.Page.GetByTestId("add-camera").ClickAsync();
        var editor = p.Page.GetByTestId("camera-editor");
        await editor.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await editor.GetByLabel("Stream URL").FillAsync("ftp://127.0.0.1/not-a-camera");
        await editor.GetByTestId("save-camera").ClickAsync();

        // The API's validation message is shown next to the URL field, and nothing was created.
        var urlField = editor.Locator(".mud-input-control", new() { Has = p.Page.Locator("input[id$='-url']") });
        await Expect(urlField).ToContainTextAsync("scheme 'ftp' is not supported");
        await p.ScreenshotAsync("11-register-validation");

        await editor.GetByLabel("Stream URL").FillAsync(fixture.RtspBase + "/crowd360");
        await editor.GetByTestId("save-camera").ClickAsync();
        await Expect(p.Page.GetByTestId("camera-editor")).ToHaveCountAsync(0);
        var row = p.Page.GetByTestId("cameras-table").Locator("tr", new() { HasText = name });
        await Expect(row).ToBeVisibleAsync();

        await row.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Expect(p.Page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await Expect(p.Page.GetByTestId("camera-status").GetByTestId("status")).ToHaveTextAsync("running", new() { Timeout = 90_000 });

        // The live view shows a real analysed JPEG (not the placeholder) once frames flow.
        var cameraId = p.Page.Url.Split('/').Last();
        await Eventually.TrueAsync(async () =>
        {
            var frame = await p.Page.APIRequest.GetAsync($"/dashboard/media/cameras/{cameraId}/frame");
            return frame.Headers.GetValueOrDefault("content-type", "") == "image/jpeg";
        }, TimeSpan.FromSeconds(60), "the media endpoint serves an analysed JPEG");
        var live = p.Page.GetByTestId("live-view");
        await Eventually.TrueAsync(async () => await live.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0") > 320,
            TimeSpan.FromSeconds(30), "the live view shows a camera frame, wider than the 320 px placeholder");
        await p.ScreenshotAsync("12-registered-camera-streaming");

        // Clean up through the UI: delete stops the stream.
        await p.Page.GotoAsync("/cameras");
        await p.Page.GetByRole(AriaRole.Button, new() { Name = "Delete " + name }).ClickAsync();
        await p.Page.GetByTestId("confirm-delete").ClickAsync();
        await Expect(p.Page.GetByTestId("cameras-table").Locator("tr", new() { HasText = name })).ToHaveCountAsync(0);
        p.AssertNoConsoleErrors();
    }
}

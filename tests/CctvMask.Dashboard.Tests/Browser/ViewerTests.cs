using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CctvMask.Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ViewerTests(DashboardFixture fixture)
{
    [Fact]
    public async Task A_viewer_sees_cameras_but_cannot_edit_them()
    {
        await using var p = await DashboardPage.OpenAsync(fixture);
        await p.LoginAsync(DashboardFixture.ViewerKey, "/cameras");

        await Expect(p.Page.GetByTestId("role")).ToHaveTextAsync("Viewer");
        await Expect(p.Page.GetByTestId("cameras-table")).ToContainTextAsync(Seeder.CameraName);
        await Expect(p.Page.GetByTestId("read-only-note")).ToBeVisibleAsync();
        await Expect(p.Page.GetByTestId("add-camera")).ToHaveCountAsync(0);
        await Expect(p.Page.GetByRole(AriaRole.Button, new() { Name = "Edit " + Seeder.CameraName })).ToHaveCountAsync(0);
        await Expect(p.Page.GetByRole(AriaRole.Button, new() { Name = "Delete " + Seeder.CameraName })).ToHaveCountAsync(0);
        await Expect(p.Page.GetByLabel("Enable " + Seeder.CameraName)).ToBeDisabledAsync();
        await p.ScreenshotAsync("05-viewer-cameras");

        await p.Page.GetByRole(AriaRole.Link, new() { Name = Seeder.CameraName, Exact = true }).ClickAsync();
        await p.OpenSettingsAsync();
        await Expect(p.Page.GetByTestId("settings-readonly")).ToBeVisibleAsync();
        await Expect(p.Page.GetByTestId("save-camera")).ToHaveCountAsync(0);
        await Expect(p.Page.GetByTestId("camera-editor")).ToHaveCountAsync(0);
        p.AssertNoConsoleErrors();
    }
}

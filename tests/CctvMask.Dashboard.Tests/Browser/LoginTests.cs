using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CctvMask.Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class LoginTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Nothing_is_visible_without_a_key_and_logging_out_hides_the_data_again()
    {
        await using var p = await DashboardPage.OpenAsync(fixture);

        // The seeded camera's violations: the list of all cameras starts with the newest, and cameras that other
        // tests streamed (then deleted) fill its first page with "(deleted camera)" rows in a full run.
        await p.Page.GotoAsync("/violations?cameraId=" + Seeder.CameraId);
        await Expect(p.Page).ToHaveURLAsync(new Regex("/login\\?returnUrl=%2Fviolations%3FcameraId%3D" + Seeder.CameraId + "$"));
        Assert.DoesNotContain(Seeder.CameraName, await p.Page.InnerTextAsync("body"));
        var anonymousImage = await p.Page.APIRequest.GetAsync("/dashboard/export/violations.csv");
        Assert.Equal(401, anonymousImage.Status);
        await p.ScreenshotAsync("01-login");

        await p.Page.Locator("#apiKey").FillAsync("not-a-valid-key-000000");
        await p.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(p.Page.GetByTestId("login-error")).ToContainTextAsync("not accepted");

        await p.Page.Locator("#apiKey").FillAsync(DashboardFixture.AdminKey);
        await p.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(p.Page).ToHaveURLAsync(DashboardPage.PathRegex("/violations"));
        await Expect(p.Page.GetByTestId("role")).ToHaveTextAsync("Admin");
        await Expect(p.Page.GetByTestId("violations-table")).ToContainTextAsync(Seeder.CameraName);
        // The table's face thumbnails finish loading first: one still in flight at the logout is refused (401), as it
        // should be, and would show as a console error of the page being left.
        await Eventually.TrueAsync(() => p.Page.EvaluateAsync<bool>("() => [...document.images].every(i => i.complete)"),
            TimeSpan.FromSeconds(20), "the table's images are loaded");

        await p.Page.GetByTestId("logout").ClickAsync();
        await Expect(p.Page).ToHaveURLAsync(new Regex("/login\\?loggedOut=1$"));
        await Expect(p.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("logged out");

        await p.Page.GotoAsync("/");
        await Expect(p.Page).ToHaveURLAsync(new Regex("/login\\?returnUrl=%2F$"));
        Assert.DoesNotContain(Seeder.CameraName, await p.Page.InnerTextAsync("body"));
        var afterLogout = await p.Page.APIRequest.GetAsync("/dashboard/export/violations.csv");
        Assert.Equal(401, afterLogout.Status);
        Assert.DoesNotContain(await p.Context.CookiesAsync(), c => c.Name == "cctvmask.session");
        p.AssertNoConsoleErrors();
    }
}

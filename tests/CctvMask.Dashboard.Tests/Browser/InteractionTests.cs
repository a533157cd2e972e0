using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CctvMask.Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed partial class InteractionTests(DashboardFixture fixture)
{
    [GeneratedRegex(@"rgba?\((\d+),\s*(\d+),\s*(\d+)")]
    private static partial Regex Rgb();

    [Fact]
    public async Task Escape_closes_the_camera_dialog_and_the_snapshot_dialog()
    {
        await using var p = await DashboardPage.OpenAsync(fixture);
        await p.LoginAsync(DashboardFixture.AdminKey, "/cameras");

        await p.Page.GetByTestId("add-camera").ClickAsync();
        await Expect(p.Page.GetByTestId("camera-editor")).ToBeVisibleAsync();
        await PressEscapeUntilClosedAsync(p.Page, "camera-editor");

        await p.Page.GotoAsync("/violations");
        await p.Page.GetByTestId("violations-table").GetByTestId("open-evidence").First.ClickAsync();
        await Expect(p.Page.GetByTestId("snapshot-full")).ToBeVisibleAsync();
        await PressEscapeUntilClosedAsync(p.Page, "snapshot-full");
        p.AssertNoConsoleErrors();
    }

    // MudBlazor listens for Escape on the dialog element, attached (and focus moved into the dialog) by script
    // after the dialog's first render; on a loaded machine the dialog is visible before that, and an Escape
    // pressed then goes to the page behind it. So the key is pressed again until the dialog closes, within a
    // bound: with CloseOnEscapeKey off it never closes and the test fails.
    private static Task PressEscapeUntilClosedAsync(IPage page, string dialogTestId) =>
        Eventually.TrueAsync(async () =>
        {
            await page.Keyboard.PressAsync("Escape");
            await Task.Delay(EscapeSettle);
            return await page.GetByTestId(dialogTestId).CountAsync() == 0;
        }, TimeSpan.FromSeconds(20), $"Escape closes {dialogTestId}");

    private static readonly TimeSpan EscapeSettle = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task A_toast_does_not_cover_the_add_button()
    {
        await using var p = await DashboardPage.OpenAsync(fixture);
        await p.LoginAsync(DashboardFixture.AdminKey, "/cameras");
        // Toggling a camera on and off shows a toast each time; the second leaves the seeded camera as it was.
        var toggle = p.Page.GetByLabel("Enable " + Seeder.CameraName);
        await DashboardPage.SetSwitchAsync(toggle, true);
        var toast = p.Page.Locator(".mud-snackbar").First;
        await Expect(toast).ToBeVisibleAsync();
        var add = await p.Page.GetByTestId("add-camera").BoundingBoxAsync();
        var box = await toast.BoundingBoxAsync();
        Assert.NotNull(add);
        Assert.NotNull(box);
        bool overlaps = box.X < add.X + add.Width && add.X < box.X + box.Width && box.Y < add.Y + add.Height && add.Y < box.Y + box.Height;
        Assert.False(overlaps, $"the toast ({box.X},{box.Y} {box.Width}×{box.Height}) covers the Add button ({add.X},{add.Y})");
        await DashboardPage.SetSwitchAsync(toggle, false);
        await Expect(p.Page.GetByText($"{Seeder.CameraName} disabled.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Dark_mode_follows_the_system_setting_on_the_login_page_and_the_dashboard()
    {
        await using var p = await DashboardPage.OpenAsync(fixture, colorScheme: ColorScheme.Dark);
        await p.Page.GotoAsync("/login");
        Assert.True(Luminance(await p.Page.Locator(".login-shell").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor")) < 0.2,
            "the login page stays light in dark mode");

        await p.LoginAsync(DashboardFixture.AdminKey);
        await Expect(p.Page.GetByTestId("fleet-table")).ToBeVisibleAsync();
        await Eventually.TrueAsync(async () => Luminance(await p.Page.EvaluateAsync<string>(
                "() => getComputedStyle(document.body).backgroundColor")) is var l && l < 0.2,
            TimeSpan.FromSeconds(20), "the dashboard turns dark");
        var text = Luminance(await p.Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).EvaluateAsync<string>("e => getComputedStyle(e).color"));
        Assert.True(text > 0.6, $"headings are light on the dark background (luminance {text:0.00})");
        await p.ScreenshotAsync("23-fleet-dark");
        p.AssertNoConsoleErrors();
    }

    // Relative luminance (0 black … 1 white) of a CSS rgb()/rgba() colour; a transparent one reads as white (the page default).
    private static double Luminance(string css)
    {
        if (css.Contains("rgba(0, 0, 0, 0)", StringComparison.Ordinal) || css == "transparent") return 1;
        var m = Rgb().Match(css);
        Assert.True(m.Success, $"not an rgb colour: {css}");
        double Channel(int i)
        {
            var c = int.Parse(m.Groups[i].Value, System.Globalization.CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(1) + 0.7152 * Channel(2) + 0.0722 * Channel(3);
    }
}

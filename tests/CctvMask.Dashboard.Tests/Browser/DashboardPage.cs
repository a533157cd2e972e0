using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CctvMask.Dashboard.Tests.Browser;

/// <summary>A fresh browser context (own cookies) at a given viewport, recording console errors.</summary>
public sealed class DashboardPage : IAsyncDisposable
{
    public const int LaptopWidth = 1366;
    public const int LaptopHeight = 800;
    public const int TabletWidth = 768;
    public const int TabletHeight = 1024;
    public const int PhoneWidth = 390;
    public const int PhoneHeight = 844;

    private readonly List<string> _consoleErrors = [];

    private DashboardPage(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error") lock (_consoleErrors) _consoleErrors.Add($"{message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => { lock (_consoleErrors) _consoleErrors.Add("page error: " + error); };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public static async Task<DashboardPage> OpenAsync(DashboardFixture fixture, int width = LaptopWidth, int height = LaptopHeight,
        ColorScheme colorScheme = ColorScheme.Light)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
            ColorScheme = colorScheme,
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        return new DashboardPage(context, page);
    }

    /// <summary>Signs in through the login form and waits until the app shell shows the role.</summary>
    public async Task LoginAsync(string apiKey, string path = "/")
    {
        await Page.GotoAsync("/login?returnUrl=" + Uri.EscapeDataString(path));
        await Page.Locator("#apiKey").FillAsync(apiKey);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("role")).ToBeVisibleAsync(new() { Timeout = 30_000 });
    }

    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(DashboardFixture.ScreenshotDirectory);
        await Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(DashboardFixture.ScreenshotDirectory, name + ".png"),
            FullPage = true,
        });
    }

    /// <summary>True when nothing is wider than the viewport (no sideways scrolling of the whole page).</summary>
    public Task<bool> FitsViewportAsync() =>
        Page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth");

    /// <summary>The page's scroll width and the viewport width, for a failure message.</summary>
    public Task<string> WidthsAsync() =>
        Page.EvaluateAsync<string>("() => `scrollWidth ${document.scrollingElement.scrollWidth} > innerWidth ${window.innerWidth}`");

    /// <summary>Opens the camera page's collapsed settings panel (the editor, or the read-only list for a viewer).</summary>
    public async Task OpenSettingsAsync()
    {
        var panel = Page.GetByTestId("settings-panel");
        await panel.Locator(".mud-expand-panel-header").First.ClickAsync();
        await Assertions.Expect(Page.Locator("[data-testid='camera-editor'], [data-testid='settings-readonly']").First).ToBeVisibleAsync();
    }

    /// <summary>
    /// Picks <paramref name="option"/> in a MudSelect and waits until its list has closed. Under load a click can land
    /// while the list is still opening and be lost (CI: the list stayed open for 20 s), so the option is clicked again
    /// while the list is still open; a click that took closes the list and is never repeated.
    /// </summary>
    public async Task SelectOptionAsync(ILocator select, string option)
    {
        const int attempts = 4;
        var open = Page.Locator(".mud-popover-open");
        await select.ClickAsync();
        for (var attempt = 1; ; attempt++)
        {
            await open.GetByText(option).ClickAsync();
            try
            {
                await Assertions.Expect(open).ToHaveCountAsync(0, new() { Timeout = 5_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < attempts)
            {
                // Still open: the click was lost; the option is still there to click.
            }
        }
    }

    /// <summary>
    /// Sets a MudSwitch's checkbox and waits until the page shows the wanted state. A forced click
    /// can land while the settings panel is still expanding (the switch moves), or before Blazor has
    /// rendered the loaded value over it; so click, wait for the state, and click again if it did not
    /// take. The state is read each time, so a click that did take is never undone.
    /// </summary>
    public static async Task SetSwitchAsync(ILocator checkbox, bool on)
    {
        const int attempts = 5;
        for (var attempt = 1; ; attempt++)
        {
            if (await checkbox.IsCheckedAsync() == on) return;
            await WaitUntilStillAsync(checkbox);
            await checkbox.ClickAsync(new() { Force = true });
            try
            {
                await Assertions.Expect(checkbox).ToBeCheckedAsync(new() { Checked = on, Timeout = 3_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < attempts)
            {
                // The click was lost or overwritten by a render; the loop looks again.
            }
        }
    }

    // A forced click skips Playwright's stability check: wait until the switch stops moving (an expanding panel).
    private static Task WaitUntilStillAsync(ILocator element) =>
        Eventually.TrueAsync(async () =>
        {
            var before = await element.BoundingBoxAsync();
            await Task.Delay(150);
            var after = await element.BoundingBoxAsync();
            return before is not null && after is not null && before.X == after.X && before.Y == after.Y;
        }, TimeSpan.FromSeconds(10), "the switch stands still");

    /// <summary>
    /// Waits until the chart inside <paramref name="container"/> draws a series: an SVG path that
    /// spans some width and, because the data varies, some height (grid lines have no height).
    /// </summary>
    public static Task WaitForPlottedSeriesAsync(ILocator container, double minWidth, double minHeight) =>
        Eventually.TrueAsync(
            () => container.EvaluateAsync<bool>(
                "(el, min) => [...el.querySelectorAll('svg path')].some(p => { const b = p.getBBox(); return b.width >= min[0] && b.height >= min[1]; })",
                new[] { minWidth, minHeight }),
            TimeSpan.FromSeconds(20), "a chart series is drawn");

    public IReadOnlyList<string> ConsoleErrors
    {
        get { lock (_consoleErrors) return [.. _consoleErrors]; }
    }

    public void AssertNoConsoleErrors()
    {
        var errors = ConsoleErrors;
        Assert.True(errors.Count == 0, "console errors:\n" + string.Join("\n", errors));   // whole messages, with their URLs
    }

    public static Regex PathRegex(string path) => new(Regex.Escape(path) + "(\\?|$)");

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
    }
}

using System.Text.Json.Nodes;
using static Microsoft.Playwright.Assertions;

namespace CctvMask.Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class AlertsPageTests(DashboardFixture fixture)
{
    private const string Secret = "browser-webhook-secret-0123456789";
    private const string UrlToken = "tok0123456789";

    [Fact]
    public async Task An_admin_creates_a_rule_sees_the_api_errors_sends_a_test_event_and_sees_its_delivery_without_the_secret()
    {
        var name = "Lobby low " + Guid.NewGuid().ToString("N")[..6];
        using var api = fixture.AdminApi();
        try
        {
            await using var p = await DashboardPage.OpenAsync(fixture);
            await p.LoginAsync(DashboardFixture.AdminKey, "/alerts");
            await p.Page.GetByTestId("add-rule").ClickAsync();
            var editor = p.Page.GetByTestId("alert-rule-editor");
            await editor.Locator("#rule-name").FillAsync(name);
            await editor.Locator("#rule-threshold").FillAsync("150");
            await editor.Locator("#rule-webhook-url").FillAsync($"https://hooks.example.invalid/cctv?token={UrlToken}");
            await editor.Locator("#rule-webhook-secret").FillAsync(Secret);
            await editor.GetByTestId("save-rule").ClickAsync();

            // The API's ValidationProblem shows under the field; nothing is stored.
            await Expect(editor).ToContainTextAsync("percentage in (0, 100]");
            Assert.DoesNotContain(name, await api.GetStringAsync("api/alerts/rules"));

            await editor.Locator("#rule-threshold").FillAsync("75");
            await editor.GetByTestId("save-rule").ClickAsync();
            await Expect(p.Page.GetByText($"Created rule {name}.")).ToBeVisibleAsync();
            var row = p.Page.GetByTestId("rules-table").Locator("tr", new() { HasText = name });
            await Expect(row).ToContainTextAsync("compliance < 75 % over 10 min (≥ 10 people)");

            await row.GetByTestId("test-rule").ClickAsync();
            await Expect(p.Page.GetByText("Test event queued for webhook.")).ToBeVisibleAsync();
            await Expect(p.Page.GetByTestId("events-table").Locator("tr", new() { HasText = name })).ToContainTextAsync("test");
            await Expect(p.Page.GetByTestId("deliveries-table")).ToContainTextAsync("hooks.example.invalid");
            await p.ScreenshotAsync("20-alerts");

            var html = await p.Page.ContentAsync();
            Assert.DoesNotContain(Secret, html);
            Assert.DoesNotContain(UrlToken, html);
            var stored = (await RuleNamedAsync(api, name))!;
            Assert.True((bool)stored["hasWebhookSecret"]!);
            Assert.Equal(75, (double)stored["threshold"]!);
            p.AssertNoConsoleErrors();
        }
        finally
        {
            if (await RuleNamedAsync(api, name) is { } rule) await api.DeleteAsync($"api/alerts/rules/{rule["id"]}");
        }
    }

    [Fact]
    public async Task A_viewer_sees_alerts_and_deliveries_but_no_rules()
    {
        await using var p = await DashboardPage.OpenAsync(fixture);
        await p.LoginAsync(DashboardFixture.ViewerKey, "/alerts");
        await Expect(p.Page.GetByTestId("rules-admin-only")).ToBeVisibleAsync();
        await Expect(p.Page.GetByTestId("add-rule")).ToHaveCountAsync(0);
        await Expect(p.Page.GetByTestId("rules-table")).ToHaveCountAsync(0);
        await Expect(p.Page.Locator("[data-testid='events-table'], [data-testid='empty-events']").First).ToBeVisibleAsync();
        p.AssertNoConsoleErrors();
    }

    private static async Task<JsonNode?> RuleNamedAsync(HttpClient api, string name) =>
        JsonNode.Parse(await api.GetStringAsync("api/alerts/rules"))!.AsArray().FirstOrDefault(r => (string)r!["name"]! == name);
}

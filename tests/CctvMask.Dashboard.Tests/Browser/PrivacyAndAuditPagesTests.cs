using CctvMask.Dashboard.Violations;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CctvMask.Dashboard.Tests.Browser;

/// <summary>The camera editor's privacy mode (purge shown after a stricter save) and the admin-only audit log page with its CSV.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PrivacyAndAuditPagesTests(DashboardFixture fixture)
{
    private const string Name = "Privacy platform";

    [Fact]
    public async Task An_admin_makes_a_camera_statistics_only_sees_the_purge_and_finds_it_in_the_audit_log()
    {
        using var api = fixture.AdminApi();
        var id = "privacy-" + Guid.NewGuid().ToString("N")[..8];
        using (var created = await api.PostAsJsonAsync("api/cameras", new { id, name = Name, url = fixture.RtspBase + "/crowd360", enabled = false }))
            created.EnsureSuccessStatusCode();
        try
        {
            await using var p = await DashboardPage.OpenAsync(fixture);
            await p.LoginAsync(DashboardFixture.AdminKey, "/cameras/" + id);
            await p.OpenSettingsAsync();   // folded away beside the live view until asked for
            var editor = p.Page.GetByTestId("camera-editor");
            await Expect(editor).ToBeVisibleAsync();
            // Save only once the list has closed (a click during the closing animation was lost under load).
            await p.SelectOptionAsync(editor.Locator("div.mud-select.mud-input-control").Filter(new() { HasText = "Privacy mode" }),
                "Statistics: no images at all");
            await editor.GetByTestId("save-camera").ClickAsync();

            var purged = p.Page.GetByTestId("privacy-purged");
            await Expect(purged).ToContainTextAsync("evidence → statistics");
            await p.ScreenshotAsync("20-privacy-purged");
            var stored = JsonNode.Parse(await api.GetStringAsync($"api/cameras/{id}"))!;
            Assert.Equal("statistics", (string)stored["privacyMode"]!);

            await p.Page.GotoAsync("/audit");
            await p.Page.Locator("#audit-action").FillAsync("camera.privacy");
            var table = p.Page.GetByTestId("audit-table");
            // The filter applies after its debounce: the camera's other lines (create, update, frame) disappear.
            await Expect(table).Not.ToContainTextAsync("camera.update");
            var line = table.Locator("tr", new() { HasText = id });
            await Expect(line).ToHaveCountAsync(1);
            await Expect(line).ToContainTextAsync("admin (admin)");
            await Expect(line).ToContainTextAsync("evidence -> statistics");
            await p.ScreenshotAsync("21-audit-log");

            // The CSV link goes through the dashboard (the session cookie, not a key, in the browser).
            var csv = await p.Context.APIRequest.GetAsync(new Uri(fixture.BaseAddress, "/dashboard/export/audit.csv?action=camera.privacy").ToString());
            Assert.Equal(200, csv.Status);
            var text = await csv.TextAsync();
            Assert.Contains(id, text);
            Assert.Contains("evidence -> statistics", text);
            Assert.DoesNotContain(DashboardFixture.AdminKey, text);

            // A time range: from tomorrow matches nothing, and the export link carries the bound.
            await p.Page.Locator("#audit-from").FillAsync(UtcInput.Format(DateTimeOffset.UtcNow.AddDays(1)));
            await Expect(p.Page.GetByTestId("no-audit")).ToBeVisibleAsync();
            await Expect(p.Page.GetByTestId("export-audit")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("from=.*action=camera.privacy|action=camera.privacy.*from="));
            p.AssertNoConsoleErrors();

            await using var viewer = await DashboardPage.OpenAsync(fixture);
            await viewer.LoginAsync(DashboardFixture.ViewerKey, "/audit");
            await Expect(viewer.Page.GetByTestId("admin-only")).ToBeVisibleAsync();
            await Expect(viewer.Page.GetByTestId("audit-table")).ToHaveCountAsync(0);
        }
        finally
        {
            await api.DeleteAsync($"api/cameras/{id}");
        }
    }
}

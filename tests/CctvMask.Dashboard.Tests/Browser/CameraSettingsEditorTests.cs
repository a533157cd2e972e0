using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CctvMask.Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class CameraSettingsEditorTests(DashboardFixture fixture)
{
    private const string Name = "Platform 2";
    private const string SizeInput = "input[id$='-smallFaceLongSide']";
    private const string ZonesInput = "textarea[id$='-zones']";

    [Fact]
    public async Task An_admin_sets_motion_gating_the_small_face_pass_and_zones_and_sees_the_api_errors()
    {
        using var api = fixture.AdminApi();
        var id = "settings-" + Guid.NewGuid().ToString("N")[..8];
        // Disabled: the editor is under test, not the stream.
        using (var created = await api.PostAsJsonAsync("api/cameras", new { id, name = Name, url = fixture.RtspBase + "/crowd360", enabled = false }))
            created.EnsureSuccessStatusCode();
        try
        {
            await using var p = await DashboardPage.OpenAsync(fixture);
            await p.LoginAsync(DashboardFixture.AdminKey, "/cameras/" + id);
            // The settings are folded away beside the live view until asked for.
            await Expect(p.Page.GetByTestId("camera-editor")).ToBeHiddenAsync();
            await p.OpenSettingsAsync();
            var editor = p.Page.GetByTestId("camera-editor");
            await Expect(editor).ToBeVisibleAsync();
            var size = editor.Locator(SizeInput);
            var zones = editor.Locator(ZonesInput);
            await Expect(size).ToBeDisabledAsync();

            // The small-face switch first: the size field it enables shows the circuit applied a switch's click.
            await DashboardPage.SetSwitchAsync(Switch(editor, "small-face-pass"), true);
            await Expect(size).ToBeEnabledAsync();
            await DashboardPage.SetSwitchAsync(Switch(editor, "motion-gating"), false);
            await size.FillAsync("1000");
            await zones.FillAsync("door: 0.1,0.1 0.9,0.1\nexit: 0.5,0.5 0.9,0.5 0.9,0.9");
            await editor.GetByTestId("save-camera").ClickAsync();

            // The API's ProblemDetails messages appear under their fields, and nothing was saved.
            await Expect(Field(p.Page, editor, SizeInput)).ToContainTextAsync("multiple of 32");
            await Expect(Field(p.Page, editor, ZonesInput)).ToContainTextAsync("Zone 1: A zone needs between 3");
            await p.ScreenshotAsync("13-camera-settings-validation");
            Assert.True((bool)(await ReadCameraAsync(api, id))["motionGating"]!);

            await size.FillAsync("1280");
            await zones.FillAsync("door: 0.1,0.1 0.9,0.1 0.5,0.9\nexit: 0.5,0.5 0.9,0.5 0.9,0.9");
            await editor.GetByTestId("save-camera").ClickAsync();
            await Expect(p.Page.GetByText($"Saved {Name}.")).ToBeVisibleAsync();
            await Expect(Field(p.Page, editor, SizeInput)).Not.ToContainTextAsync("multiple of 32");
            await p.ScreenshotAsync("14-camera-settings-saved");

            var stored = await ReadCameraAsync(api, id);
            Assert.False((bool)stored["motionGating"]!);
            Assert.True((bool)stored["smallFacePass"]!);
            Assert.Equal(1280, (int)stored["smallFaceLongSide"]!);
            Assert.Equal(["door", "exit"], stored["zones"]!.AsArray().Select(z => (string)z!["name"]!));
            Assert.Equal(0.9, (double)stored["zones"]![1]!["points"]![2]!["y"]!, 3);
            p.AssertNoConsoleErrors();
        }
        finally
        {
            await api.DeleteAsync($"api/cameras/{id}");
        }
    }

    // MudSwitch puts extra attributes on its input or its root: find the checkbox either way.
    private static ILocator Switch(ILocator editor, string testId) =>
        editor.Locator($"input[data-testid='{testId}'], [data-testid='{testId}'] input[type='checkbox']");

    // The field's box, where MudBlazor shows the error text (a "has" locator is matched inside it: page-rooted).
    private static ILocator Field(IPage page, ILocator editor, string inputSelector) =>
        editor.Locator(".mud-input-control", new() { Has = page.Locator(inputSelector) });

    private static async Task<JsonNode> ReadCameraAsync(HttpClient api, string id) =>
        JsonNode.Parse(await api.GetStringAsync($"api/cameras/{id}")) ?? throw new InvalidOperationException("empty camera");
}

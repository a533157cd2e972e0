using System.Net;
using CctvMask.Server.Hosting;
using CctvMask.Server.Tests.Infrastructure;
using CctvMask.Storage.Cameras;
using Microsoft.Extensions.DependencyInjection;

namespace CctvMask.Server.Tests.Cameras;

/// <summary>
/// Per-camera analysis settings and zones through the API, the database and the grain configuration;
/// run on SQLite and on PostgreSQL by the derived classes.
/// </summary>
public abstract class CameraSettingsTests(ServerFactory factory)
{
    private static readonly object Door = new { name = "door", points = new[] { new { x = 0.1, y = 0.1 }, new { x = 0.9, y = 0.1 }, new { x = 0.5, y = 0.9 } } };

    protected ServerFactory Factory { get; } = factory;

    [Fact]
    public async Task Settings_round_trip_through_the_api_the_database_and_the_grain_config()
    {
        using var admin = Factory.CreateClient(TestKeys.Admin);
        var create = await admin.PostJsonAsync("/api/cameras", new
        {
            name = "Platform",
            url = "rtsp://127.0.0.1:1/platform",
            enabled = false,
            detectFps = 3.0,
            motionGating = false,
            smallFacePass = true,
            smallFaceLongSide = 1280,
            zones = new[] { Door },
        });
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        var id = (string)(await create.ReadNodeAsync())["id"]!;

        var read = await (await admin.GetAsync($"/api/cameras/{id}")).ReadNodeAsync();
        Assert.False((bool)read["motionGating"]!);
        Assert.True((bool)read["smallFacePass"]!);
        Assert.Equal(1280, (int)read["smallFaceLongSide"]!);
        Assert.Equal(3, read["zones"]![0]!["points"]!.AsArray().Count);

        var config = StorageBridge.ToConfig((await Repository.GetAsync(id))!);
        Assert.Equal(3.0, config.DetectFps);
        Assert.False(config.MotionGating);
        Assert.Equal(1280, config.SmallFaceLongSide);
        var zone = Assert.Single(config.Zones!.Polygons);
        Assert.Equal("door", zone.Name);
        Assert.True(config.Zones.Contains(0.5f, 0.3f));
        Assert.False(config.Zones.Contains(0.05f, 0.95f));

        // Pass off: the grains get no pass, the stored size stays for when it is turned on again.
        var update = await admin.PutJsonAsync($"/api/cameras/{id}", new
        {
            name = "Platform", url = "rtsp://127.0.0.1:1/platform", enabled = false, motionGating = true, smallFacePass = false, smallFaceLongSide = 1280,
        });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var stored = (await Repository.GetAsync(id))!;
        Assert.Equal((true, false, 1280), (stored.MotionGating, stored.SmallFacePass, stored.SmallFaceLongSide));
        config = StorageBridge.ToConfig(stored);
        Assert.Equal(0, config.SmallFaceLongSide);
        Assert.True(config.MotionGating);
        Assert.Null(config.Zones);

        await admin.DeleteAsync($"/api/cameras/{id}");
    }

    [Fact]
    public async Task Absent_settings_take_the_defaults()
    {
        using var admin = Factory.CreateClient(TestKeys.Admin);
        var create = await admin.PostJsonAsync("/api/cameras", new { name = "Defaults", url = "rtsp://127.0.0.1:1/d", enabled = false });
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        var created = await create.ReadNodeAsync();

        Assert.Equal(CameraSettingLimits.DefaultMotionGating, (bool)created["motionGating"]!);
        Assert.Equal(CameraSettingLimits.DefaultSmallFacePass, (bool)created["smallFacePass"]!);
        Assert.Equal(CameraSettingLimits.DefaultSmallFaceLongSide, (int)created["smallFaceLongSide"]!);
        Assert.Empty(created["zones"]!.AsArray());
        await admin.DeleteAsync($"/api/cameras/{(string)created["id"]!}");
    }

    public static TheoryData<string, object> BadRequests() => new()
    {
        { "smallFaceLongSide", new { name = "x", url = "rtsp://h/x", smallFacePass = true, smallFaceLongSide = 1000 } },
        { "smallFaceLongSide", new { name = "x", url = "rtsp://h/x", smallFaceLongSide = 64 } },
        { "smallFaceLongSide", new { name = "x", url = "rtsp://h/x", smallFaceLongSide = 4096 } },
        { "zones[0].points", new { name = "x", url = "rtsp://h/x", zones = new[] { new { name = "line", points = new[] { new { x = 0.1, y = 0.1 }, new { x = 0.9, y = 0.9 } } } } } },
        { "zones[0].points", new { name = "x", url = "rtsp://h/x", zones = new[] { new { name = "out", points = new[] { new { x = 0.1, y = 0.1 }, new { x = 1.5, y = 0.1 }, new { x = 0.5, y = 0.9 } } } } } },
        { "zones[0].name", new { name = "x", url = "rtsp://h/x", zones = new[] { new { name = " ", points = new[] { new { x = 0.1, y = 0.1 }, new { x = 0.9, y = 0.1 }, new { x = 0.5, y = 0.9 } } } } } },
        { "zones[1].name", new { name = "x", url = "rtsp://h/x", zones = new[] { Door, Door } } },
        { "zones", new { name = "x", url = "rtsp://h/x", zones = Enumerable.Repeat(Door, 17).ToArray() } },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_settings_or_zones_are_a_400_naming_the_field(string field, object body)
    {
        using var admin = Factory.CreateClient(TestKeys.Admin);
        var response = await admin.PostJsonAsync("/api/cameras", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.ReadNodeAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"expected an error for {field}, got {errors.ToJsonString()}");
        Assert.False(errors.ContainsKey("url"));
    }

    [Fact]
    public async Task OpenApi_describes_the_settings_fields()
    {
        using var client = Factory.CreateClient(apiKey: null);
        var schemas = (await (await client.GetAsync("/openapi/v1.json")).ReadNodeAsync())["components"]!["schemas"]!;
        foreach (var schema in new[] { "CameraRequest", "CameraResponse" })
            foreach (var field in new[] { "detectFps", "motionGating", "smallFacePass", "smallFaceLongSide", "zones" })
                Assert.True(schemas[schema]!["properties"]!.AsObject().ContainsKey(field), $"{schema} lacks {field}");
        Assert.Contains("multiple of 32", (string)schemas["CameraRequest"]!["properties"]!["smallFaceLongSide"]!["description"]!);
    }

    private CameraRepository Repository => Factory.Services.GetRequiredService<CameraRepository>();
}

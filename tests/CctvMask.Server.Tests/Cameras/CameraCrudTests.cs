using System.Net;
using CctvMask.Server.Tests.Infrastructure;

namespace CctvMask.Server.Tests.Cameras;

/// <summary>Camera CRUD through the HTTP API; run on SQLite and on PostgreSQL by the derived classes.</summary>
public abstract class CameraCrudTests(ServerFactory factory)
{
    protected ServerFactory Factory { get; } = factory;

    [Fact]
    public async Task Admin_creates_reads_updates_and_deletes_a_camera()
    {
        using var admin = Factory.CreateClient(TestKeys.Admin);
        var create = await admin.PostJsonAsync("/api/cameras", new
        {
            name = "Lobby",
            url = "rtsp://127.0.0.1:1/lobby",
            enabled = false,
            detectFps = 4.0,
            analysisWidth = 640,
            analysisHeight = 360,
            zones = new[] { new { name = "door", points = new[] { new { x = 0.1, y = 0.1 }, new { x = 0.9, y = 0.1 }, new { x = 0.5, y = 0.9 } } } },
        });
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        var created = await create.ReadNodeAsync();
        var id = (string)created["id"]!;
        Assert.StartsWith("lobby-", id);
        Assert.Equal($"/api/cameras/{id}", create.Headers.Location?.OriginalString);
        Assert.Equal(4.0, (double)created["detectFps"]!);
        Assert.Equal("door", (string)created["zones"]![0]!["name"]!);

        var read = await (await admin.GetAsync($"/api/cameras/{id}")).ReadNodeAsync();
        Assert.Equal("Lobby", (string)read["name"]!);
        Assert.False((bool)read["enabled"]!);

        var list = (await (await admin.GetAsync("/api/cameras")).ReadNodeAsync()).AsArray();
        Assert.Contains(list, c => (string)c!["id"]! == id);

        var update = await admin.PutJsonAsync($"/api/cameras/{id}", new
        {
            name = "Lobby east",
            url = "rtsp://127.0.0.1:1/lobby-east",
            enabled = false,
            detectFps = 2.5,
        });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var updated = await (await admin.GetAsync($"/api/cameras/{id}")).ReadNodeAsync();
        Assert.Equal("Lobby east", (string)updated["name"]!);
        Assert.Equal("rtsp://127.0.0.1:1/lobby-east", (string)updated["url"]!);
        Assert.Equal(2.5, (double)updated["detectFps"]!);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/cameras/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/cameras/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/cameras/{id}")).StatusCode);
    }

    [Theory]
    [InlineData("ftp://host/stream")]
    [InlineData("not a url")]
    [InlineData("/dev/sda")]
    public async Task Bad_camera_url_is_a_400_with_the_url_field_error(string url)
    {
        using var admin = Factory.CreateClient(TestKeys.Admin);
        var response = await admin.PostJsonAsync("/api/cameras", new { name = "Bad", url, enabled = false });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadNodeAsync();
        Assert.NotEmpty((string)problem["errors"]!["url"]![0]!);
        Assert.Null(problem["errors"]!["name"]);
    }

    [Fact]
    public async Task Out_of_range_fields_are_each_reported()
    {
        using var admin = Factory.CreateClient(TestKeys.Admin);
        var response = await admin.PostJsonAsync("/api/cameras", new
        {
            name = "",
            url = "rtsp://127.0.0.1/x",
            detectFps = 500.0,
            analysisWidth = 8,
            analysisHeight = 99999,
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadNodeAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("name"));
        Assert.True(errors.ContainsKey("detectFps"));
        Assert.True(errors.ContainsKey("analysisWidth"));
        Assert.True(errors.ContainsKey("analysisHeight"));
        Assert.False(errors.ContainsKey("url"));
    }

    [Fact]
    public async Task Video_device_and_file_urls_are_accepted()
    {
        using var admin = Factory.CreateClient(TestKeys.Admin);
        foreach (var url in new[] { "/dev/video0", "file:///tmp/clip.mp4", "https://cam.example/stream.mjpg" })
        {
            var response = await admin.PostJsonAsync("/api/cameras", new { name = "ok", url, enabled = false });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var id = (string)(await response.ReadNodeAsync())["id"]!;
            await admin.DeleteAsync($"/api/cameras/{id}");
        }
    }

    [Fact]
    public async Task Duplicate_id_is_a_409()
    {
        using var admin = Factory.CreateClient(TestKeys.Admin);
        var id = $"dup-{Guid.NewGuid():N}"[..20];
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJsonAsync("/api/cameras", new { id, name = "a", url = "rtsp://h/a", enabled = false })).StatusCode);
        var again = await admin.PostJsonAsync("/api/cameras", new { id, name = "b", url = "rtsp://h/b", enabled = false });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        await admin.DeleteAsync($"/api/cameras/{id}");
    }
}

using System.Net;
using CctvMask.Server.Cameras;
using CctvMask.Server.Tests.Infrastructure;

namespace CctvMask.Server.Tests.Hardening;

/// <summary>Issue 8, item 10: camera URLs reach cameras, not local files or the server's own endpoints.</summary>
[Collection(ApiCollection.Name)]
public sealed class CameraSourceTests(SqliteServerFixture fixture)
{
    private readonly ServerFactory _factory = fixture.Factory;

    [Theory]
    [InlineData("file:///etc/passwd", CameraSourcePolicy.FileRefused)]
    [InlineData("file:///etc/no-such-file-anywhere", CameraSourcePolicy.FileRefused)]
    [InlineData("file:///tmp/../etc/passwd", CameraSourcePolicy.FileRefused)]
    [InlineData("http://127.0.0.1:8080/api/cameras", CameraSourcePolicy.LocalHttpRefused)]
    [InlineData("http://localhost/metrics", CameraSourcePolicy.LocalHttpRefused)]
    [InlineData("http://169.254.169.254/latest/meta-data", CameraSourcePolicy.LocalHttpRefused)]
    [InlineData("https://[::1]:5000/", CameraSourcePolicy.LocalHttpRefused)]
    public async Task Local_files_and_local_http_are_refused_with_the_same_words_whether_they_exist_or_not(string url, string message)
    {
        using var admin = _factory.CreateClient(TestKeys.Admin);
        var response = await admin.PostJsonAsync("/api/cameras", new { name = "probe", url, enabled = false });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadNodeAsync())["errors"]!["url"]!.AsArray();
        Assert.Equal(message, (string)errors[0]!);
    }

    [Theory]
    [InlineData("rtsp://127.0.0.1:8554/cam")] // RTSP is a camera protocol: loopback relays and simulators are fine
    [InlineData("http://10.1.2.3/mjpeg")]
    public async Task Cameras_on_the_network_and_rtsp_on_loopback_are_accepted(string url)
    {
        using var admin = _factory.CreateClient(TestKeys.Admin);
        var response = await admin.PostJsonAsync("/api/cameras", new { name = "ok", url, enabled = false });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await admin.DeleteAsync($"/api/cameras/{(string)(await response.ReadNodeAsync())["id"]!}");
    }
}

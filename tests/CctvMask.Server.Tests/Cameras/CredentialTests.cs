using System.Net;
using CctvMask.Server.Tests.Infrastructure;
using CctvMask.Storage.Cameras;
using Microsoft.Extensions.DependencyInjection;

namespace CctvMask.Server.Tests.Cameras;

/// <summary>Passwords inside camera URLs are stored but never returned or logged.</summary>
[Collection(ApiCollection.Name)]
public sealed class CredentialTests(SqliteServerFixture fixture)
{
    private const string Secret = "Sup3rS3cretPw";
    private readonly ServerFactory _factory = fixture.Factory;

    [Theory]
    [InlineData("rtsp://admin:{0}@127.0.0.1:{1}/cam", "rtsp://admin:***@127.0.0.1:")]
    [InlineData("rtsp://{0}@127.0.0.1:{1}/cam", "rtsp://***@127.0.0.1:")]
    [InlineData("rtsp://127.0.0.1:{1}/cam?access_token={0}", "access_token=***")]
    [InlineData("rtsp://127.0.0.1:{1}/cam?channel=1&secret={0}", "secret=***")]
    public async Task Credentials_never_appear_in_responses_logs_or_metrics(string template, string masked)
    {
        // An enabled camera on a port nobody listens on: the pipeline starts, fails and logs about it.
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Secret, FreePort.Next());
        using var admin = _factory.CreateClient(TestKeys.Admin);
        var create = await admin.PostJsonAsync("/api/cameras", new { name = "Secret cam", url, enabled = true, detectFps = 2.0 });
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        var createdText = await create.Content.ReadAsStringAsync();
        var id = (string)(await create.ReadNodeAsync())["id"]!;
        try
        {
            Assert.Contains(masked, createdText);

            // Let the pipeline try (and fail) to connect so its log lines exist before we look. The bound is
            // generous (a cold, loaded machine starts the grain and ffmpeg slowly) and reaching it fails the test:
            // checking the logs before the failure lines exist would prove nothing about them.
            string statusText;
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (true)
            {
                statusText = await admin.GetStringAsync($"/api/cameras/{id}/status");
                if (statusText.Contains("\"lastError\":\"", StringComparison.Ordinal)) break;
                Assert.True(DateTime.UtcNow < deadline, $"the pipeline never reported its connection failure: {statusText}");
                await Task.Delay(250);
            }

            var responses = new[]
            {
                createdText,
                statusText,
                await admin.GetStringAsync($"/api/cameras/{id}"),
                await admin.GetStringAsync("/api/cameras"),
                await admin.GetStringAsync("/api/fleet"),
                await _factory.CreateClient().GetStringAsync("/metrics"),
            };
            foreach (var text in responses) Assert.DoesNotContain(Secret, text);
            Assert.Contains(id, _factory.Logs.AllText);
            Assert.DoesNotContain(Secret, _factory.Logs.AllText);

            // The store keeps the real URL, and a PUT that echoes the masked URL keeps it too.
            var shown = (string)(await (await admin.GetAsync($"/api/cameras/{id}")).ReadNodeAsync())["url"]!;
            var put = await admin.PutJsonAsync($"/api/cameras/{id}", new { name = "Secret cam", url = shown, enabled = false });
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            var stored = await _factory.Services.GetRequiredService<CameraRepository>().GetAsync(id);
            Assert.Equal(url, stored!.Url);
        }
        finally
        {
            await admin.DeleteAsync($"/api/cameras/{id}");
        }
    }
}

using System.Net;
using CctvMask.Server.Fleet;
using CctvMask.Server.Tests.Infrastructure;
using CctvMask.Storage.Hosting;

namespace CctvMask.Server.Tests.Hardening;

/// <summary>
/// Issue 8, item 4: with the database unreachable, routes that need it answer 503 ProblemDetails with
/// Retry-After (not 500), and status and fleet answer from the grains.
/// </summary>
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task A_database_outage_is_a_503_and_live_status_still_answers()
    {
        var dataDir = Directory.CreateTempSubdirectory("cctvmask-outage-").FullName;
        var dbDir = Path.Combine(dataDir, "db");
        Directory.CreateDirectory(dbDir);
        await using var factory = new ServerFactory(dataDir)
            // No pooling: a moved-away database folder is noticed on the next open.
            .With("Storage:ConnectionString", $"Data Source={Path.Combine(dbDir, StorageOptions.SqliteFileName)};Pooling=False");
        using var admin = factory.CreateClient(TestKeys.Admin);
        var created = await admin.PostJsonAsync("/api/cameras", new { id = "outage-cam", name = "Outage", url = "rtsp://127.0.0.1:1/x", enabled = false });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/fleet")).StatusCode);

        Directory.Move(dbDir, dbDir + "-away");
        try
        {
            foreach (var url in new[] { "/api/cameras", "/api/violations", "/api/cameras/outage-cam/compliance" })
            {
                var down = await admin.GetAsync(url);
                var body = await down.Content.ReadAsStringAsync();
                Assert.True(HttpStatusCode.ServiceUnavailable == down.StatusCode, $"{url}: {down.StatusCode} {body}");
                Assert.Equal("application/problem+json", down.Content.Headers.ContentType?.MediaType);
                Assert.Contains("database is unavailable", body);
                Assert.True(down.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            }

            var status = await admin.GetAsync("/api/cameras/outage-cam/status");
            Assert.Equal(HttpStatusCode.OK, status.StatusCode);
            Assert.Equal("outage-cam", (string)(await status.ReadNodeAsync())["cameraId"]!);

            var fleet = await admin.GetAsync("/api/fleet");
            Assert.Equal(HttpStatusCode.OK, fleet.StatusCode);
            Assert.True(fleet.Headers.Contains(FleetApi.StaleHeader));
            Assert.Contains("outage-cam", await fleet.Content.ReadAsStringAsync());
        }
        finally
        {
            Directory.Move(dbDir + "-away", dbDir);
        }
    }
}

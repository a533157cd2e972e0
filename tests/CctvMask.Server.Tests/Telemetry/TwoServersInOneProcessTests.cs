using System.Net;
using CctvMask.Server.Tests.Infrastructure;

namespace CctvMask.Server.Tests.Telemetry;

/// <summary>
/// Test servers share one process: one server starting or stopping must not take the other's log lines
/// (Serilog's static logger) or metric streams (OpenTelemetry listens to every meter of the process).
/// </summary>
public sealed class TwoServersInOneProcessTests : IDisposable
{
    private const int CameraCreatedEvent = 5000; // Server CameraLog.Created

    private readonly string _firstDir = Directory.CreateTempSubdirectory("cctvmask-server-").FullName;
    private readonly string _secondDir = Directory.CreateTempSubdirectory("cctvmask-server-").FullName;

    [Fact]
    public async Task Each_server_keeps_its_own_logs_and_meters_while_another_starts_and_stops()
    {
        using var first = new ServerFactory(_firstDir);
        using var firstAdmin = first.CreateClient(TestKeys.Admin);
        Assert.Contains("# TYPE cctvmask_server_uptime", await firstAdmin.GetStringAsync("/metrics"));

        string whileBoth;
        using (var second = new ServerFactory(_secondDir))
        {
            using var secondAdmin = second.CreateClient(TestKeys.Admin);
            Assert.Contains("# TYPE cctvmask_server_uptime", await secondAdmin.GetStringAsync("/metrics"));

            whileBoth = await CreateCameraAsync(firstAdmin, "While both");
            var secondOwn = await CreateCameraAsync(secondAdmin, "Second own");
            Assert.True(Logged(first, whileBoth), "the first server's log line went elsewhere while a second server ran");
            Assert.False(Logged(second, whileBoth), "the second server captured the first server's log line");
            Assert.True(Logged(second, secondOwn));
            Assert.False(Logged(first, secondOwn));
        }

        // The second server is gone (its logger flushed, its meters disposed); the first one carries on.
        var afterwards = await CreateCameraAsync(firstAdmin, "Afterwards");
        Assert.True(Logged(first, afterwards), "the first server lost its log lines when the second one stopped");
        // A metric stream shared with a disposed meter is exported once more, then dropped: check several fresh
        // collections (the exporter caches a scrape briefly; the uptime value makes each fresh one distinct).
        var collections = new HashSet<string>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (collections.Count < 3)
        {
            var metrics = await firstAdmin.GetStringAsync("/metrics");
            Assert.Contains("# TYPE cctvmask_server_uptime", metrics);
            Assert.Contains(metrics.Split('\n'), line => line.StartsWith("cctvmask_server_uptime", StringComparison.Ordinal));
            collections.Add(metrics);
            Assert.True(DateTime.UtcNow < deadline, $"only {collections.Count} distinct scrapes in 60 s");
            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        foreach (var dir in new[] { _firstDir, _secondDir })
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }

    private static async Task<string> CreateCameraAsync(HttpClient admin, string name)
    {
        var response = await admin.PostJsonAsync("/api/cameras", new { name, url = "rtsp://127.0.0.1:1/cam", enabled = false });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.ReadNodeAsync())["id"]!;
    }

    private static bool Logged(ServerFactory server, string cameraId) =>
        server.Logs.Lines.Any(l => l.Id.Id == CameraCreatedEvent && l.Text.Contains(cameraId, StringComparison.Ordinal));
}

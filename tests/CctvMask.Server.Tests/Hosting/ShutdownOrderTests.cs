using System.Net;
using CctvMask.Server.Tests.EndToEnd;
using CctvMask.Server.Tests.Infrastructure;
using CctvMask.Testing;

namespace CctvMask.Server.Tests.Hosting;

/// <summary>
/// A graceful stop (rolling update, scale-in) with a camera streaming: the grains deactivate before
/// the write-behind store stops, so the open minute's counts reach the database instead of being
/// dropped (storage is registered before Orleans in Program.cs for this).
/// </summary>
public sealed class ShutdownOrderTests
{
    /// <summary>CctvMask.Storage StorageLog.Dropped; EventNames are unique across the solution (LogEventIdTests).</summary>
    private const string DroppedEventName = "StorageEventDropped";

    [Fact]
    public async Task Stopping_the_server_flushes_the_streaming_cameras_counts_into_the_database()
    {
        var rtsp = TestEnvironment.Require(TestEnvironment.RtspBase, "CCTVMASK_TEST_RTSP");
        // Our own folder: the database is read after the server has stopped (a factory deletes a folder it made).
        var dataDir = Directory.CreateTempSubdirectory("cctvmask-server-").FullName;
        var factory = new ServerFactory(dataDir);
        try
        {
            using (var admin = factory.CreateClient(TestKeys.Admin))
            {
                var created = await admin.PostJsonAsync("/api/cameras", new
                {
                    id = "stop-cam", name = "stop-cam", url = $"{rtsp}/crowd360", enabled = true, detectFps = 5, analysisWidth = 640, analysisHeight = 360,
                });
                Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
                // People counted in the open minute bucket: only the stop can write them now (unless a minute closes first).
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while ((int)(await (await admin.GetAsync("/api/cameras/stop-cam/status")).ReadNodeAsync())["peopleThisMinute"]! == 0)
                {
                    Assert.True(DateTime.UtcNow < deadline, "nobody counted within 60 s");
                    await Task.Delay(250);
                }
            }
            var logs = factory.Logs;
            factory.Dispose(); // graceful host stop
            Assert.DoesNotContain(logs.Lines, l => l.Id.Name == DroppedEventName);
            var counts = await new DatabaseCounts(dataDir).ForCameraAsync("stop-cam");
            Assert.True(counts.People > 0, $"no people in the database after the stop: {counts}");
        }
        finally
        {
            factory.Dispose();
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
        }
    }
}

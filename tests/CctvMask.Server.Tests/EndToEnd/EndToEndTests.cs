using System.Net;
using System.Text.Json.Nodes;
using CctvMask.Server.Tests.Infrastructure;
using CctvMask.Testing;
using CctvMask.Vision.Geometry;
using Xunit.Abstractions;

namespace CctvMask.Server.Tests.EndToEnd;

/// <summary>
/// The issue's acceptance test: the built server as a child process, three simulated RTSP
/// cameras registered through the API, ~25 s of streaming, then the database compared with the
/// clips' ground truth; evidence snapshots (the violator boxed in red, every other face pixelated in the stored
/// bytes: the camera is in the default <c>evidence</c> privacy mode); and a camera whose RTSP server stops and returns.
/// </summary>
public sealed class EndToEndTests(ITestOutputHelper output)
{
    private const double DetectFps = 5;
    private const int StreamSeconds = 25;

    // A segment occurrence counts as shown when the camera analysed at least this many of its
    // frames (10 per 2 s photo at 5 fps): enough for the tracker to confirm a person.
    private const int MinFramesShown = 4;

    [Fact]
    public async Task Simulated_cameras_fill_the_database_like_the_ground_truth_and_a_stalled_stream_recovers()
    {
        var rtsp = TestEnvironment.Require(TestEnvironment.RtspBase, "CCTVMASK_TEST_RTSP");
        var videos = TestEnvironment.Shared("videos");
        using var simulator = new RtspSimulator("cam", Path.Combine(videos, "crowd_640x360_10fps.mp4"));
        await simulator.StartAsync();
        using var server = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            // Fast reconnects so the stall scenario fits in seconds (defaults back off to 30 s). The stall
            // itself needs no short StallTimeout: killing the simulator closes ffmpeg's RTSP/TCP socket. The
            // default 10 s keeps a CPU-starved ffmpeg on a loaded 2-core machine from restarting the three
            // streaming cameras (their ingestRestarts must stay 0 and their clip position must not reset).
            ["Ingest__BackoffBase"] = "00:00:00.500",
            ["Ingest__BackoffCap"] = "00:00:02",
            ["Ingest__StallTimeout"] = "00:00:10",
            ["Ingest__RestartBudget"] = "1000",
        });
        using var admin = server.CreateClient(TestKeys.Admin);

        var cameras = new (string Id, string Url, int W, int H, string? Truth)[]
        {
            ("e2e-crowd360", $"{rtsp}/crowd360", 640, 360, Path.Combine(videos, "crowd_640x360_10fps.groundtruth.json")),
            // Analysed at 640x360 like the small stream: same people, a quarter of the detector work.
            ("e2e-crowd720", $"{rtsp}/crowd720", 640, 360, Path.Combine(videos, "crowd_1280x720_10fps.groundtruth.json")),
            ("e2e-street", $"{rtsp}/street", 640, 360, null),
        };
        foreach (var c in cameras)
            await CreateAsync(admin, c.Id, c.Url, c.W, c.H);
        await CreateAsync(admin, "e2e-stall", simulator.Url, 640, 360);

        // The stall scenario runs while the three cameras stream.
        var stall = StallAndRecoverAsync(admin, simulator);
        var statuses = new Dictionary<string, JsonNode>();
        var deadline = DateTime.UtcNow.AddSeconds(StreamSeconds * 2);
        foreach (var c in cameras)
        {
            while (true)
            {
                var status = await StatusAsync(admin, c.Id);
                statuses[c.Id] = status;
                if (ClipFrames(status) >= StreamSeconds * DetectFps || DateTime.UtcNow > deadline) break;
                await Task.Delay(500);
            }
        }
        foreach (var c in cameras) statuses[c.Id] = await StatusAsync(admin, c.Id);
        // Disabling stops the pipelines and flushes their open minute buckets.
        foreach (var c in cameras)
            Assert.Equal(HttpStatusCode.OK, (await admin.PutJsonAsync($"/api/cameras/{c.Id}",
                new { name = c.Id, url = c.Url, enabled = false, detectFps = DetectFps, analysisWidth = c.W, analysisHeight = c.H })).StatusCode);
        await stall;

        foreach (var line in server.Output.Split('\n').Where(l => l.Contains("\"@l\":\"Warning\"") || l.Contains("\"@l\":\"Error\"")).Take(30))
            output.WriteLine($"server: {line}");
        var db = new DatabaseCounts(server.DataDir);
        foreach (var c in cameras)
        {
            var status = statuses[c.Id];
            output.WriteLine($"{c.Id} status: {status.ToJsonString()}");
            Assert.Equal("running", (string)status["state"]!);
            Assert.Equal(0, (int)status["ingestRestarts"]!);
            var counts = await StableCountsAsync(db, c.Id);
            var analysed = ClipFrames(status);
            if (c.Truth is null)
            {
                // Street clip: two masked people walking (no per-frame truth file).
                output.WriteLine($"{c.Id}: db {counts}");
                Assert.True(counts.People >= 1, $"{c.Id}: nobody counted");
                if (counts.Compliance is { } street) Assert.True(street >= 0.5, $"{c.Id}: masked walkers judged unmasked ({street:F2})");
                continue;
            }
            var truth = ClipGroundTruth.Load(c.Truth).PeopleShown(analysed, DetectFps, MinFramesShown);
            output.WriteLine($"{c.Id}: {analysed} clip frames, {(long)status["framesAnalyzed"]!} analysed, {(long)status["framesSkipped"]!} skipped (motion), {(long)status["framesDropped"]!} dropped; truth shown {truth}, compliance {truth.Compliance:F2}; db {counts}, compliance {counts.Compliance:F2}");
            // Tolerances, justified in the report and README "Run the server":
            // - compliance (masked share) within ±0.15 of the truth: dropping frames samples people
            //   uniformly, so the share survives overload; ±0.15 covers classifier error on tiny faces;
            // - people ≤ 1.3 × shown (track fragmentation, minute boundaries) — per-frame counting would be ~10×;
            // - people ≥ 0.4 × shown × analysed share (YuNet misses many < 16 px faces; a dropped frame shows nobody);
            // - violations: at least one when unmasked people were counted, at most 1.5 × unmasked counted (+2).
            //   No lower ratio: re-identification (ViolationPolicy) gives a person whose track fragments one
            //   violation per cooldown while the minute rows still count each fragment in each minute; the
            //   per-person figure is measured on the clips by Grains' ViolationsPerPersonTests.
            var analysedShare = Math.Min(1.0, (double)(long)status["framesAnalyzed"]! / Math.Max(1, analysed));
            Assert.InRange(counts.People, (long)(0.4 * truth.People * analysedShare), (long)Math.Ceiling(1.3 * truth.People));
            Assert.NotNull(counts.Compliance);
            Assert.InRange(counts.Compliance!.Value, truth.Compliance - 0.15, truth.Compliance + 0.15);
            Assert.InRange(counts.Violations, counts.Unmasked > 0 ? 1 : 0, (long)Math.Ceiling(1.5 * counts.Unmasked) + 2);
            Assert.True(counts.Violations <= 1.5 * truth.Unmasked, $"{counts.Violations} violations for {truth.Unmasked} unmasked people shown");
        }

        await AssertSnapshotHighlightsTheViolatorAsync(admin, "e2e-crowd360");

        var metrics = await admin.GetStringAsync("/metrics");
        Assert.Contains("cctvmask_", metrics);
        Assert.Contains("cctvmask_pipeline_latency_seconds_bucket", metrics);
        Assert.Contains("cctvmask_inference_batch_size_bucket", metrics);
        output.WriteLine(string.Join('\n', metrics.Split('\n').Where(l => l.StartsWith("cctvmask_", StringComparison.Ordinal)).Take(40)));
        Assert.DoesNotContain("Exception", server.Output.Split('\n').Where(l => l.Contains("\"@l\":\"Fatal\"")));
    }

    /// <summary>
    /// Frames the camera has pulled from the clip so far (analysed + dropped anywhere): with the
    /// stream never restarted, this is the clip position in frames at the detect rate.
    /// </summary>
    // Every frame the camera took from the clip: analysed, skipped by the motion gate (the scene is the same
    // photo, so its people were still shown), or dropped.
    private static long ClipFrames(JsonNode status) =>
        (long)status["framesAnalyzed"]! + (long)status["framesSkipped"]! + (long)status["framesDropped"]!;

    private async Task StallAndRecoverAsync(HttpClient admin, RtspSimulator simulator)
    {
        await WaitForStateAsync(admin, "e2e-stall", s => s == "running", TimeSpan.FromSeconds(45));
        simulator.Stop();
        var stalled = await WaitForStateAsync(admin, "e2e-stall", s => s is "reconnecting" or "failed" or "starting", TimeSpan.FromSeconds(30));
        output.WriteLine($"stall camera after the RTSP server stopped: {stalled}");
        await simulator.StartAsync();
        await WaitForStateAsync(admin, "e2e-stall", s => s == "running", TimeSpan.FromSeconds(60));
        var status = await StatusAsync(admin, "e2e-stall");
        output.WriteLine($"stall camera after the RTSP server returned: {status.ToJsonString()}");
        Assert.True((int)status["ingestRestarts"]! >= 1);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/cameras/e2e-stall")).StatusCode);
    }

    private static async Task<string> WaitForStateAsync(HttpClient admin, string id, Func<string, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        string state;
        do
        {
            state = (string)(await StatusAsync(admin, id))["state"]!;
            if (done(state)) return state;
            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);
        throw new Xunit.Sdk.XunitException($"camera {id} stayed '{state}' for {timeout.TotalSeconds} s");
    }

    private static async Task CreateAsync(HttpClient admin, string id, string url, int width, int height)
    {
        var response = await admin.PostJsonAsync("/api/cameras",
            new { id, name = id, url, enabled = true, detectFps = DetectFps, analysisWidth = width, analysisHeight = height });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonNode> StatusAsync(HttpClient client, string id) =>
        await (await client.GetAsync($"/api/cameras/{id}/status")).ReadNodeAsync();

    /// <summary>Write-behind lands asynchronously: read until two reads a second apart agree.</summary>
    private static async Task<DatabaseCounts.Counts> StableCountsAsync(DatabaseCounts db, string cameraId)
    {
        var previous = await db.ForCameraAsync(cameraId);
        for (var i = 0; i < 20; i++)
        {
            await Task.Delay(1000);
            var current = await db.ForCameraAsync(cameraId);
            if (current == previous && current.People > 0) return current;
            previous = current;
        }
        return previous;
    }

    private async Task AssertSnapshotHighlightsTheViolatorAsync(HttpClient admin, string cameraId)
    {
        var page = await (await admin.GetAsync($"/api/violations?cameraId={cameraId}&pageSize=20")).ReadNodeAsync();
        var withSnapshot = page["items"]!.AsArray().Where(v => v!["snapshotUrl"] is not null).Take(5).ToArray();
        Assert.NotEmpty(withSnapshot);
        var best = 0;
        using var faces = new SnapshotFaces();
        foreach (var v in withSnapshot)
        {
            var response = await admin.GetAsync((string)v!["snapshotUrl"]!);
            Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
            var jpeg = await response.Content.ReadAsByteArrayAsync();
            Assert.True(jpeg.Length > 2 && jpeg[0] == 0xFF && jpeg[1] == 0xD8, "snapshot is not a JPEG");
            var box = v["box"]!;
            var highlight = SnapshotPixels.ViolatorPixelsAroundBox(jpeg, (int)box["x"]!, (int)box["y"]!, (int)box["width"]!, (int)box["height"]!, margin: 4);
            var (found, others) = faces.Count(jpeg, new BoxF((float)box["x"]!, (float)box["y"]!, (float)box["width"]!, (float)box["height"]!));
            output.WriteLine($"snapshot {v["id"]}: {jpeg.Length} bytes, {highlight} violator-colour pixels around box {box.ToJsonString()}, {found} faces found again, {others} of them not the violator's");
            best = Math.Max(best, highlight);
            // Evidence mode: every other face was pixelated in the stored JPEG (detected faces, and the whole frame but the
            // violator in coarse cells), so the detector no longer finds them (one tolerated: a face beside the violator).
            Assert.True(others <= 1, $"{others} other faces are still detectable in the stored snapshot of {v["id"]}");
        }
        // Under overload a violation can be raised a segment later than its best face (the snapshot then
        // shows another photo), so one of the newest few must carry the violator's highlight at the recorded place.
        Assert.True(best >= 10, $"no highlight box drawn around any violating face (best {best} violator-colour pixels)");
    }
}

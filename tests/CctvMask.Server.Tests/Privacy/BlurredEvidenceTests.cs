using System.Diagnostics;
using System.Globalization;
using System.Net;
using CctvMask.Server.Tests.Alerts;
using CctvMask.Server.Tests.EndToEnd;
using CctvMask.Server.Tests.Infrastructure;
using CctvMask.Testing;
using CctvMask.Vision.Geometry;
using Xunit.Abstractions;

namespace CctvMask.Server.Tests.Privacy;

/// <summary>
/// A <c>blurred</c> camera's evidence as stored: the snapshots read back from the database through the API and
/// the live frame, run through the phase-1 face detector (YuNet, the real model), hold no findable face (at most one
/// detection on the mosaic, see below), while the same detector finds 9–76 faces in each raw frame of the clip; and
/// each snapshot still shows who: the violator's box drawn over the pixelated face in the highlight colour.
/// </summary>
public sealed class BlurredEvidenceTests(ITestOutputHelper output)
{
    private const string CameraId = "blur-crowd";
    private const string Clip = "crowd_640x360_10fps.mp4";
    // The clip shows one photo per 2 s for 16 s: one raw frame from the middle of each.
    private static readonly double[] RawFrameSeconds = [1, 3, 5, 7, 9, 11, 13, 15];
    private const int SnapshotsChecked = 10;
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);
    private static readonly BoxF Nowhere = new(-1000, -1000, 1, 1);
    // A thick box around even a 15 px face leaves well over this many highlight pixels after JPEG (as in EndToEndTests).
    private const int MinHighlightPixels = 10;

    [Fact]
    public async Task Stored_snapshots_and_the_live_frame_of_a_blurred_camera_lose_the_faces_the_detector_finds_in_the_raw_clip()
    {
        var rtsp = TestEnvironment.Require(TestEnvironment.RtspBase, "CCTVMASK_TEST_RTSP");
        using var faces = new SnapshotFaces();

        // The control: the detector finds faces in the raw clip (so a zero below is the pixelation, not a blind detector).
        var raw = new List<int>();
        foreach (var second in RawFrameSeconds)
            raw.Add(faces.Count(await RawFrameAsync(TestEnvironment.Shared("videos", Clip), second), Nowhere).All);
        output.WriteLine($"faces found in the raw frames: {string.Join(", ", raw)}");
        Assert.True(raw.Sum() >= RawFrameSeconds.Length, $"the detector found only {raw.Sum()} faces in the raw clip");

        await using var factory = new ServerFactory();
        using var admin = factory.CreateClient(TestKeys.Admin);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJsonAsync("/api/cameras",
            new { id = CameraId, name = "Blurred crowd", url = $"{rtsp}/crowd360", detectFps = 5, privacyMode = "blurred" })).StatusCode);

        var withSnapshot = await Eventually.WaitAsync(async () =>
        {
            var page = await admin.GetFromJsonNodeAsync($"/api/violations?cameraId={CameraId}&pageSize=50");
            var items = page["items"]!.AsArray().Where(v => v!["snapshotUrl"] is not null).Take(SnapshotsChecked).ToList();
            return items.Count >= SnapshotsChecked ? items : null;
        }, Bound, $"{SnapshotsChecked} violations with a snapshot");

        // Tolerance, as in Grains' PrivacyPipelineTests: YuNet (score ≥ 0.5, the product's threshold) can fire once on the
        // mosaic itself. Measured 2026-12-04: in 1 of 10 stored snapshots, one 17×22 px box at score 0.55 lying on 6 px
        // mosaic cells (looked at: no face detail left); in the other 9 and the live frame, nothing.
        const int MaxPerImage = 1;
        var total = 0;
        var highlighted = 0;
        foreach (var v in withSnapshot)
        {
            var response = await admin.GetAsync((string)v!["snapshotUrl"]!);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var jpeg = await response.Content.ReadAsByteArrayAsync();
            var found = faces.Find(jpeg);
            var box = v["box"]!;
            var highlight = SnapshotPixels.ViolatorPixelsAroundBox(jpeg, (int)box["x"]!, (int)box["y"]!, (int)box["width"]!, (int)box["height"]!, margin: 4);
            if (highlight >= MinHighlightPixels) highlighted++;
            output.WriteLine($"stored snapshot of violation {v["id"]}: {jpeg.Length} bytes, {highlight} violator-colour pixels around box {box.ToJsonString()}, {found.Count} faces found {string.Join(" ", found.Select(f => $"{f.Box} score {f.Score:F2}"))}");
            Assert.True(found.Count <= MaxPerImage, $"{found.Count} faces are findable in the stored snapshot of {v["id"]}");
            total += found.Count;
            // Blurred mode keeps no face crop.
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/violations/{v["id"]}/face")).StatusCode);
        }

        // Far fewer than in any single raw frame of the clip: the check fails when the stored bytes keep their faces.
        Assert.True(total < raw.Min(), $"{total} faces found in {withSnapshot.Count} stored snapshots");
        // Every snapshot is drawn for its own violator, in the frame that raised it, with the highlight at the recorded
        // box (measured 2026-12-04: all 10, 280-625 highlight pixels each; before, none: blurred snapshots drew every box
        // alike). Half tolerates a track raised while coasting (not detected in that frame: no box to highlight).
        Assert.True(highlighted >= withSnapshot.Count / 2,
            $"only {highlighted} of {withSnapshot.Count} blurred snapshots show the violator's box in the highlight colour");

        var frame = await admin.GetAsync($"/api/cameras/{CameraId}/frame");
        Assert.Equal(HttpStatusCode.OK, frame.StatusCode);
        var live = faces.Count(await frame.Content.ReadAsByteArrayAsync(), Nowhere).All;
        output.WriteLine($"live frame: {live} faces found");
        Assert.True(live <= MaxPerImage, $"{live} faces are findable in the blurred live frame");
    }

    /// <summary>One frame of the clip at <paramref name="seconds"/>, decoded by ffmpeg to a JPEG (quality 2: near lossless).</summary>
    private static async Task<byte[]> RawFrameAsync(string clip, double seconds)
    {
        var start = new ProcessStartInfo("ffmpeg")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "-v", "error", "-ss", seconds.ToString(CultureInfo.InvariantCulture), "-i", clip, "-frames:v", "1", "-q:v", "2", "-f", "image2pipe", "-vcodec", "mjpeg", "-" })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        using var buffer = new MemoryStream();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.BaseStream.CopyToAsync(buffer);
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0 && buffer.Length > 0, $"ffmpeg could not extract a frame: {await stderr}");
        return buffer.ToArray();
    }
}

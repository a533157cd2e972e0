using System.Text.Json;
using CctvMask.Testing;

namespace CctvMask.Cli.Tests.Bench;

/// <summary>
/// <c>cctvmask bench --video</c> on a few real frames: the blocks run A B C C B A, every figure is there, and the
/// track-aware path judges fewer crops than per-frame classification (no speed is asserted).
/// </summary>
public sealed class VideoBenchTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cctvmask-bench-video-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task ShortClipRunReportsBlocksRatiosAndCrops()
    {
        var json = Path.Combine(_dir, "bench-video.json");
        var run = await CliRun.RunAsync("bench", "--video", TestEnvironment.Shared("videos", "crowd_640x360_10fps.mp4"), "--limit", "12",
            "--seconds", "0.2", "--zoom-size", "0", "--json", json, "--models", TestEnvironment.ModelsDir);
        Assert.True(run.ExitCode == 0, run.Err);

        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var root = doc.RootElement;
        Assert.StartsWith("crowd_640x360_10fps.mp4: 12 frames at 5 fps, 640x360", root.GetProperty("clip").GetString());
        Assert.DoesNotContain("small faces", root.GetProperty("detector").GetString());
        var blocks = root.GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("name").GetString()).ToList();
        Assert.Equal(
        [
            "phase 1 only (1)", "end-to-end, track-aware phase 2 (1)", "end-to-end, per-frame classification (1)",
            "end-to-end, per-frame classification (2)", "end-to-end, track-aware phase 2 (2)", "phase 1 only (2)",
        ], blocks);
        foreach (var b in root.GetProperty("blocks").EnumerateArray())
            Assert.True(b.GetProperty("frames_per_s").GetDouble() > 0, b.GetProperty("name").GetString());
        var ratios = root.GetProperty("ratios");
        foreach (var key in new[] { "end_to_end_track_aware_vs_phase1_frames", "end_to_end_per_frame_vs_phase1_frames", "track_aware_vs_per_frame_end_to_end_frames" })
            Assert.True(ratios.GetProperty(key).GetDouble() > 0, key);
        var crops = root.GetProperty("crops_per_frame");
        Assert.True(crops.GetProperty("track_aware").GetDouble() > 0);
        Assert.True(crops.GetProperty("track_aware").GetDouble() < crops.GetProperty("per_frame").GetDouble(),
            $"track-aware {crops.GetProperty("track_aware")} vs per-frame {crops.GetProperty("per_frame")} crops per frame");
        // Where the time goes: every stage of both end-to-end variants; phase 1 ran on every frame, and per-frame
        // classification spends more time classifying than the track-aware path (it judges more crops).
        var stages = root.GetProperty("stage_ms_per_frame");
        foreach (var variant in new[] { "track_aware", "per_frame" })
        {
            var names = stages.GetProperty(variant).EnumerateObject().Select(p => p.Name).ToList();
            Assert.Equal(["copy", "phase1", "track", "crop", "classify", "complete"], names);
            Assert.True(stages.GetProperty(variant).GetProperty("phase1").GetDouble() > 0, variant);
        }
        Assert.True(stages.GetProperty("per_frame").GetProperty("classify").GetDouble() > stages.GetProperty("track_aware").GetProperty("classify").GetDouble());
    }

    [Fact]
    public async Task VideoAndImagesAreRefusedTogether()
    {
        var run = await CliRun.RunAsync("bench", "--video", "clip.mp4", "--images", "dir");
        run.AssertSingleError("--video and --images do not go together");
    }
}

using System.Text.Json;
using CctvMask.Cli.Tests.Common;
using CctvMask.Testing;
using CctvMask.Vision.Evaluation;

namespace CctvMask.Cli.Tests.Eval;

/// <summary>
/// <c>cctvmask eval --video</c>'s track-level figures: real clips decoded by a real ffmpeg at the server's 5 fps,
/// run through the production camera path (CameraPipeline, FaceTracker, JudgementPolicy, the real models).
/// </summary>
public sealed class TrackEvaluationTests
{
    private static string Clip(string name) => TestEnvironment.Shared("videos", name);

    [Fact]
    public async Task GroundTruthClipGetsTrackAwareAndPerFrameFiguresAgainstItsPeople()
    {
        using var dir = new TempDir();
        var json = dir.File("track.json");
        var truthPath = Clip("crowd_640x360_10fps.groundtruth.json");

        // 40 clip frames at 10 fps = 20 frames at 5 fps, over the first two segments.
        var run = await CliRun.RunAsync("eval", "--video", Clip("crowd_640x360_10fps.mp4"), "--groundtruth", truthPath,
            "--limit", "40", "--zoom-size", "0", "--json", json, "--models", TestEnvironment.ModelsDir);

        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Contains("track-aware", run.Out);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal(40, doc.RootElement.GetProperty("images").GetInt32()); // the per-frame AP mode is still there
        var track = doc.RootElement.GetProperty("track");

        // The truth is the ground truth's: each segment's faces are its people.
        var segments = VideoGroundTruth.Read(truthPath).Segments.Where(s => s.FirstFrame < 40).ToList();
        var truth = track.GetProperty("truth");
        var truthSegments = truth.GetProperty("segments").EnumerateArray().ToList();
        Assert.Equal(segments.Count, truthSegments.Count);
        for (int i = 0; i < segments.Count; i++)
        {
            Assert.Equal(segments[i].FirstFrame, truthSegments[i].GetProperty("first_frame").GetInt32());
            Assert.Equal(segments[i].Faces.Count, truthSegments[i].GetProperty("people").GetInt32());
            Assert.Equal(segments[i].Faces.Count(f => f.Class == GroundTruthClass.WithoutMask), truthSegments[i].GetProperty("unmasked").GetInt32());
        }
        Assert.Equal(segments.Sum(s => s.Faces.Count), truth.GetProperty("people").GetInt32());
        Assert.InRange(truth.GetProperty("masked_share").GetDouble(), 0, 1);

        var trackAware = track.GetProperty("track_aware");
        var perFrame = track.GetProperty("per_frame");
        foreach (var counts in new[] { trackAware, perFrame })
        {
            Assert.Equal(20, counts.GetProperty("frames").GetInt32());
            Assert.True(counts.GetProperty("people").GetInt32() > 0);
            Assert.Equal(counts.GetProperty("people").GetInt32(),
                counts.GetProperty("masked").GetInt32() + counts.GetProperty("unmasked").GetInt32() + counts.GetProperty("unknown").GetInt32());
            Assert.InRange(counts.GetProperty("masked_share").GetDouble(), 0, 1);
        }
        // Both modes see the same faces; judging each person instead of each face takes fewer crops.
        Assert.Equal(perFrame.GetProperty("faces").GetInt64(), trackAware.GetProperty("faces").GetInt64());
        Assert.True(trackAware.GetProperty("crops").GetInt64() < perFrame.GetProperty("crops").GetInt64(),
            $"track-aware {trackAware.GetProperty("crops")} vs per-frame {perFrame.GetProperty("crops")} crops");
        Assert.True(track.GetProperty("per_frame_vs_track_aware_crops").GetDouble() > 1);

        // Person by person: every person counted (a clip under a minute counts each once) is scored once, and the
        // truth people found are no more than the truth holds.
        foreach (var (counts, people) in new[] { (trackAware, track.GetProperty("track_aware_people")), (perFrame, track.GetProperty("per_frame_people")) })
        {
            int scored = people.GetProperty("right").GetInt32() + people.GetProperty("wrong").GetInt32()
                + people.GetProperty("no_verdict").GetInt32() + people.GetProperty("no_truth_face").GetInt32();
            Assert.Equal(counts.GetProperty("people").GetInt32(), scored);
            Assert.InRange(people.GetProperty("truth_people_found").GetInt32(), 1, truth.GetProperty("people").GetInt32());
            Assert.True(people.GetProperty("right").GetInt32() > people.GetProperty("wrong").GetInt32(), people.ToString());
        }
        foreach (var d in track.GetProperty("differences").EnumerateArray())
            Assert.NotEqual(d.GetProperty("track_aware").GetProperty("verdict").GetString(), d.GetProperty("per_frame").GetProperty("verdict").GetString());
        Assert.Contains("people judged right", run.Out);
    }

    [Fact]
    public async Task ClipWithoutGroundTruthIsMeasuredAgainstTheStatedPeople()
    {
        using var dir = new TempDir();
        var json = dir.File("street.json");
        var run = await CliRun.RunAsync("eval", "--video", Clip("street_2_masked_people_1366x768.mp4"), "--expect-people", "2",
            "--expect-masked", "2", "--zoom-size", "0", "--json", json, "--models", TestEnvironment.ModelsDir);

        Assert.True(run.ExitCode == 0, run.Err);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        Assert.False(doc.RootElement.TryGetProperty("face_ap50", out _)); // no ground truth, no AP
        var track = doc.RootElement.GetProperty("track");
        var truth = track.GetProperty("truth");
        Assert.Equal(2, truth.GetProperty("people").GetInt32());
        Assert.Equal(0, truth.GetProperty("unmasked").GetInt32());
        Assert.Equal(1.0, truth.GetProperty("masked_share").GetDouble());
        // 6.6 s of a 30 fps clip at 5 fps, scaled to the server's 640x360.
        Assert.InRange(track.GetProperty("track_aware").GetProperty("frames").GetInt32(), 32, 34);
        Assert.Contains("640x360", track.GetProperty("clip").GetString());
        // Two walkers, each detected in every frame: two people, not their minute + hour + day counts summed (6).
        Assert.InRange(track.GetProperty("track_aware").GetProperty("people").GetInt32(), 2, 3);
        Assert.InRange(track.GetProperty("per_frame").GetProperty("people").GetInt32(), 2, 3);
    }

    [Theory]
    [InlineData("--expect-people", "2")]
    [InlineData("--expect-masked", "2")]
    public async Task StatedPeopleAndMaskedGoTogether(string option, string value)
    {
        var run = await CliRun.RunAsync("eval", "--video", "clip.mp4", option, value);
        run.AssertSingleError("--expect-people N (≥ 1) and --expect-masked M (0..N) go together");
    }

    [Fact]
    public async Task MoreMaskedThanPeopleIsRefused()
    {
        var run = await CliRun.RunAsync("eval", "--video", "clip.mp4", "--expect-people", "2", "--expect-masked", "3");
        run.AssertSingleError("--expect-masked M (0..N)");
    }

    [Fact]
    public async Task StatedPeopleAndGroundTruthAreRefusedTogether()
    {
        var run = await CliRun.RunAsync("eval", "--video", "clip.mp4", "--groundtruth", "gt.json", "--expect-people", "2", "--expect-masked", "2");
        run.AssertSingleError("instead of --groundtruth");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("31")]
    public async Task DetectFpsOutOfRangeIsRefused(string fps)
    {
        var run = await CliRun.RunAsync("eval", "--video", "clip.mp4", "--expect-people", "2", "--expect-masked", "2", "--detect-fps", fps);
        run.AssertSingleError("--detect-fps must be in (0, 30]");
    }
}

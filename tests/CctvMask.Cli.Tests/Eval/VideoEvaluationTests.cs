using System.Text.Json;
using CctvMask.Cli.Tests.Common;
using CctvMask.Testing;
using CctvMask.Vision.Evaluation;

namespace CctvMask.Cli.Tests.Eval;

/// <summary><c>cctvmask eval --video --groundtruth</c> on the CCTV-sized crowd clip, decoded by a real ffmpeg.</summary>
public sealed class VideoEvaluationTests
{
    private static string Clip(string name) => TestEnvironment.Shared("videos", name);

    [Fact]
    public async Task FramesAreMatchedToTheirSegmentsFaces()
    {
        using var models = new DevModelFolder(realClassifier: true);
        using var dir = new TempDir();
        var json = dir.File("video-eval.json");
        var truthPath = Clip("crowd_640x360_10fps.groundtruth.json");

        var run = await CliRun.RunAsync("eval", "--video", Clip("crowd_640x360_10fps.mp4"), "--groundtruth", truthPath,
            "--limit", "12", "--zoom-size", "0", "--json", json, "--models", models.Path);

        Assert.True(run.ExitCode == 0, run.Err);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var root = doc.RootElement;
        Assert.Equal(12, root.GetProperty("images").GetInt32());
        // Frame k is judged against the faces of the segment holding frame k.
        var truth = VideoGroundTruth.Read(truthPath);
        int expected = Enumerable.Range(0, 12).Sum(k => truth.FacesAt(k).Count(f => f.IsTarget));
        Assert.Equal(expected, root.GetProperty("gt_faces").GetInt32());
        // A frame offset or a box in the wrong coordinates would drop recall far below this (measured: 68.7 %).
        Assert.True(root.GetProperty("face_recall_iou30").GetDouble() > 50, $"recall {root.GetProperty("face_recall_iou30")}");
        Assert.True(root.GetProperty("face_ap50").GetDouble() > 30, $"AP {root.GetProperty("face_ap50")}");
    }

    [Fact]
    public async Task GroundTruthOfAnotherSizeIsOneClearError()
    {
        using var models = new DevModelFolder(realClassifier: true);
        var run = await CliRun.RunAsync("eval", "--video", Clip("crowd_640x360_10fps.mp4"),
            "--groundtruth", Clip("crowd_1280x720_10fps.groundtruth.json"), "--models", models.Path);
        run.AssertSingleError("640x360", "1280x720");
    }

    [Theory]
    [InlineData("--video", "clip.mp4")]
    [InlineData("--groundtruth", "gt.json")]
    public async Task VideoAndGroundTruthGoTogether(string option, string value)
    {
        var run = await CliRun.RunAsync("eval", option, value);
        run.AssertSingleError("--video and --groundtruth go together");
    }

    [Fact]
    public async Task ImagesAndVideoTogetherAreRefused()
    {
        var run = await CliRun.RunAsync("eval", "--images", "a", "--annotations", "b", "--video", "c", "--groundtruth", "d");
        run.AssertSingleError("either --images and --annotations, or --video and --groundtruth");
    }
}

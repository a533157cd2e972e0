using System.Diagnostics;
using System.Text.Json;
using CctvMask.Cli.Tests.Common;
using CctvMask.Testing;

namespace CctvMask.Cli.Tests.Detect;

public sealed class DetectVideoTests
{
    [Fact]
    public async Task VideoFile_WritesJsonPerFrameAndAnAnnotatedVideo()
    {
        using var models = new DevModelFolder(realClassifier: false);
        using var dir = new TempDir();
        var video = TestEnvironment.Shared("videos", "crowd_640x360_10fps.mp4");
        var output = dir.File("annotated.mp4");

        var run = await CliRun.RunAsync("detect", video, "--out", output, "--json", "--max-frames", "6", "--fps", "5", "--models", models.Path);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, lines.Length);
        var frames = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(Enumerable.Range(0, 6).Select(i => (long)i), frames.Select(f => f.GetProperty("frame").GetInt64()));
        Assert.All(frames, f => Assert.Equal((640, 360), (f.GetProperty("width").GetInt32(), f.GetProperty("height").GetInt32())));
        Assert.Contains(frames, f => f.GetProperty("faces").GetArrayLength() > 0);
        Assert.Equal("6", await FrameCountAsync(output));
    }

    [Fact]
    public async Task RtspStream_StopsAfterMaxFrames()
    {
        var rtsp = TestEnvironment.Require(TestEnvironment.RtspBase, "CCTVMASK_TEST_RTSP");
        using var models = new DevModelFolder(realClassifier: false);

        var run = await CliRun.RunAsync("detect", rtsp + "/crowd360", "--json", "--max-frames", "3", "--models", models.Path);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, l => Assert.StartsWith(rtsp + "/crowd360", JsonDocument.Parse(l).RootElement.GetProperty("source").GetString()));
    }

    private static async Task<string> FrameCountAsync(string path)
    {
        var info = new ProcessStartInfo("ffprobe") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", path })
            info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var text = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        return text.Trim();
    }
}

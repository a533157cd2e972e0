using System.Text.Json;
using CctvMask.Testing;

namespace CctvMask.Cli.Tests.Bench;

/// <summary>A short real benchmark run: every measurement and ratio is present and sane (no speed is asserted).</summary>
public sealed class BenchCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cctvmask-bench-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task ShortRunReportsEveryMeasurementAndRatio()
    {
        var json = Path.Combine(_dir, "bench.json");
        var images = TestEnvironment.Shared("datasets", "face-mask-dev", "images");
        var run = await CliRun.RunAsync("bench", "--images", images, "--count", "4", "--seconds", "0.6", "--json", json,
            "--models", TestEnvironment.ModelsDir);
        Assert.True(run.ExitCode == 0, run.Err);

        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var root = doc.RootElement;
        Assert.Equal(4, root.GetProperty("images").GetInt32());
        Assert.Contains("small faces at 960", root.GetProperty("detector").GetString());
        var names = root.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("name").GetString()).ToList();
        Assert.Contains("phase 1 (face detector model)", names);
        Assert.Contains("phase 1 without the small-face pass", names);
        Assert.Contains("phase 2 (classifier) batch 32", names);
        Assert.Contains("detector (both phases), 4 frames per call", names);
        foreach (var r in root.GetProperty("results").EnumerateArray())
            Assert.True(r.GetProperty("faces_per_s").GetDouble() > 0, r.GetProperty("name").GetString());
        var ratios = root.GetProperty("ratios");
        foreach (var key in new[] { "phase2_batch8_vs_batch1", "phase2_batch32_vs_batch1", "detector_vs_phase1_frames",
                     "detector_batch4_vs_batch1_frames", "phase1_with_vs_without_small_face_pass_frames" })
            Assert.True(ratios.GetProperty(key).GetDouble() > 0, key);
    }
}

using System.Text.Json;
using CctvMask.Cli.Tests.Common;
using CctvMask.Testing;

namespace CctvMask.Cli.Tests.Eval;

public sealed class EvalCommandTests
{
    [Fact]
    public async Task FiveDevImages_AllKeysInRange()
    {
        using var models = new DevModelFolder(realClassifier: true);
        using var dir = new TempDir();
        var json = dir.File("eval.json");

        var run = await CliRun.RunAsync("eval",
            "--images", TestEnvironment.Shared("datasets", "face-mask-dev", "images"),
            "--annotations", TestEnvironment.Shared("datasets", "face-mask-dev", "annotations"),
            "--limit", "5", "--json", json, "--models", models.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Err);
        Assert.Contains("face AP50", run.Out);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var root = doc.RootElement;
        Assert.Equal(5, root.GetProperty("images").GetInt32());
        Assert.True(root.GetProperty("gt_faces").GetInt32() > 0);
        foreach (var key in new[] { "face_ap50", "map50", "mask_accuracy", "face_recall_iou50", "face_recall_iou30" })
            Assert.InRange(root.GetProperty(key).GetDouble(), 0.0, 100.0);
        Assert.InRange(root.GetProperty("ap50").GetProperty("with_mask").GetDouble(), 0.0, 100.0);
        // without_mask may be null when the 5 images hold none; present either way.
        var without = root.GetProperty("ap50").GetProperty("without_mask");
        Assert.True(without.ValueKind == JsonValueKind.Null || without.GetDouble() is >= 0 and <= 100);
        Assert.True(root.GetProperty("face_recall_iou30").GetDouble() >= root.GetProperty("face_recall_iou50").GetDouble());
        Assert.True(root.GetProperty("face_ap50").GetDouble() > 30, "YuNet finds most faces of the dev set");
        Assert.Equal(4, root.GetProperty("recall_by_size").EnumerateObject().Count());
        Assert.True(root.GetProperty("ms_per_image").GetDouble() > 0);
        Assert.Equal(JsonValueKind.Object, root.GetProperty("classifier").GetProperty("confusion").ValueKind);
    }

    [Fact]
    public async Task AnnotationWithoutImage_IsOneErrorLine()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("img"));
        Directory.CreateDirectory(dir.File("ann"));
        File.WriteAllText(dir.File("ann/a.xml"), "<annotation><size><width>10</width><height>10</height></size></annotation>");

        var run = await CliRun.RunAsync("eval", "--images", dir.File("img"), "--annotations", dir.File("ann"));

        run.AssertSingleError("a.xml", "no image named a");
    }

    [Fact]
    public async Task BrokenAnnotation_IsOneErrorLine()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("img"));
        Directory.CreateDirectory(dir.File("ann"));
        File.WriteAllText(dir.File("ann/a.xml"), "<annotation><object>");
        File.WriteAllBytes(dir.File("img/a.jpg"), TestFiles.Jpeg());

        var run = await CliRun.RunAsync("eval", "--images", dir.File("img"), "--annotations", dir.File("ann"));

        run.AssertSingleError("a.xml", "not valid XML");
    }

    [Fact]
    public async Task MissingRequiredOption_IsUsageError()
    {
        var run = await CliRun.RunAsync("eval", "--images", "/tmp");
        Assert.Equal(2, run.ExitCode);
        run.AssertSingleError("--annotations");
    }
}

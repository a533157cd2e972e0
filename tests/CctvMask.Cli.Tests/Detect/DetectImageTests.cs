using System.Text.Json;
using CctvMask.Cli.Tests.Common;
using CctvMask.Testing;
using CctvMask.Vision.Evaluation;
using CctvMask.Vision.Geometry;
using CctvMask.Vision.Imaging;

namespace CctvMask.Cli.Tests.Detect;

public sealed class DetectImageTests
{
    private const string DevImage = "maksssksksss1";

    [Fact]
    public async Task DevImage_WritesAnnotatedJpegAndJsonWithTheAnnotatedFaces()
    {
        using var models = new DevModelFolder(realClassifier: true);
        using var dir = new TempDir();
        var image = TestEnvironment.Shared("datasets", "face-mask-dev", "images", DevImage + ".jpg");
        var truth = VocAnnotationReader.Read(TestEnvironment.Shared("datasets", "face-mask-dev", "annotations", DevImage + ".xml"));
        var output = dir.File("annotated.jpg");

        var run = await CliRun.RunAsync("detect", image, "--out", output, "--json", "--models", models.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Err);
        using var doc = JsonDocument.Parse(Assert.Single(run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        var faces = doc.RootElement.GetProperty("faces").EnumerateArray().ToList();
        var boxes = faces.Select(f => f.GetProperty("box")).Select(b => new BoxF(
            b.GetProperty("x").GetSingle(), b.GetProperty("y").GetSingle(), b.GetProperty("width").GetSingle(), b.GetProperty("height").GetSingle())).ToList();
        int found = truth.Faces.Count(t => boxes.Any(b => BoxF.IoU(b, t.Box) >= 0.3f));
        // The default detector (fine-tuned, models/face_detector.md) finds 7 of this photo's 9 faces at score ≥ 0.5, the
        // published YuNet-n 9: its IoU-aware scores run lower (0.57–0.86 here). Over the 110 held-out photos its recall
        // at score ≥ 0.5 is unchanged (88.7 % vs 88.5 %, IoU 0.3), so the bound is 3 in 4 rather than 4 in 5.
        Assert.True(found >= truth.Faces.Count * 0.75, $"{found} of {truth.Faces.Count} annotated faces detected");
        foreach (var face in faces)
        {
            Assert.Contains(face.GetProperty("label").GetString(), new[] { "with_mask", "without_mask", "unknown" });
            Assert.InRange(face.GetProperty("score").GetDouble(), 0.5, 1.0);
        }

        using var original = ImageCodec.DecodeFile(image);
        using var annotated = ImageCodec.DecodeFile(output);
        Assert.Equal((original.Width, original.Height), (annotated.Width, annotated.Height));
        Assert.True(MeanAbsDiff(original, annotated) > 0.5, "the annotated image should differ from the input (boxes drawn)");
    }

    private static double MeanAbsDiff(BgrImage a, BgrImage b)
    {
        long sum = 0;
        var pa = a.Pixels;
        var pb = b.Pixels;
        for (int i = 0; i < pa.Length; i++)
            sum += Math.Abs(pa[i] - pb[i]);
        return (double)sum / pa.Length;
    }
}

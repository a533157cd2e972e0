using CctvMask.Cli.Tests.Common;
using CctvMask.Testing;
using CctvMask.Vision.Models;

namespace CctvMask.Cli.Tests.Detect;

/// <summary>Every bad input ends in one error line naming the problem and a non-zero exit.</summary>
public sealed class DetectBadInputTests
{
    [Fact]
    public async Task ZeroByteFile()
    {
        using var dir = new TempDir();
        var path = dir.File("empty.jpg");
        File.WriteAllBytes(path, []);
        (await CliRun.RunAsync("detect", path)).AssertSingleError(path, "empty file");
    }

    [Fact]
    public async Task TruncatedJpeg()
    {
        using var dir = new TempDir();
        var path = dir.File("cut.jpg");
        var jpeg = TestFiles.Jpeg();
        File.WriteAllBytes(path, jpeg[..(jpeg.Length / 3)]);
        (await CliRun.RunAsync("detect", path)).AssertSingleError(path, "truncated");
    }

    [Fact]
    public async Task TextFileNamedJpg()
    {
        using var dir = new TempDir();
        var path = dir.File("notes.jpg");
        File.WriteAllText(path, "these are not pixels, just a note somebody saved with the wrong name\n");
        (await CliRun.RunAsync("detect", path)).AssertSingleError(path, "not an image");
    }

    [Fact]
    public async Task HugeImage_RefusedFromItsHeader()
    {
        using var dir = new TempDir();
        var path = dir.File("huge.png");
        File.WriteAllBytes(path, TestFiles.PngHeaderOnly(10_000, 6_000));
        (await CliRun.RunAsync("detect", path)).AssertSingleError(path, "too large", "10000x6000");
    }

    [Fact]
    public async Task TiffIsAnUnsupportedFormat()
    {
        using var dir = new TempDir();
        var path = dir.File("scan.tiff");
        File.WriteAllBytes(path, TestFiles.TiffHeader());
        // Not an image extension and no image signature: handed to ffmpeg, which cannot read it either.
        var run = await CliRun.RunAsync("detect", path, "--timeout", "5");
        run.AssertSingleError("scan.tiff");
    }

    [Fact]
    public async Task MissingFile()
    {
        (await CliRun.RunAsync("detect", "/nonexistent/photo.jpg")).AssertSingleError("/nonexistent/photo.jpg", "no such file");
    }

    [Fact]
    public async Task UnsupportedUrlScheme()
    {
        (await CliRun.RunAsync("detect", "gopher://camera/1")).AssertSingleError("gopher");
    }

    [Fact]
    public async Task MissingModelFolder_NamesTheModelFile()
    {
        using var dir = new TempDir();
        var image = dir.File("ok.jpg");
        File.WriteAllBytes(image, TestFiles.Jpeg());
        var run = await CliRun.RunAsync("detect", image, "--models", dir.File("no-models"));
        run.AssertSingleError(ModelLocator.DefaultDetector, "not found");
    }

    [Fact]
    public async Task CorruptClassifier()
    {
        using var models = new DevModelFolder(realClassifier: false);
        File.Delete(models.File("mask_classifier.onnx"));
        File.WriteAllBytes(models.File("mask_classifier.onnx"), "PK\u0003\u0004 not onnx at all"u8.ToArray());
        var image = models.File("ok.jpg");
        File.WriteAllBytes(image, TestFiles.Jpeg());
        var run = await CliRun.RunAsync("detect", image, "--models", models.Path);
        run.AssertSingleError("mask_classifier.onnx", "not a valid ONNX model");
    }

    [Fact]
    public async Task ClassifierWithUnexpectedInput()
    {
        using var models = new DevModelFolder(realClassifier: false);
        File.Delete(models.File("mask_classifier.onnx"));
        TinyOnnx.WriteWrongInput(models.File("mask_classifier.onnx"));
        var image = models.File("ok.jpg");
        File.WriteAllBytes(image, TestFiles.Jpeg());
        var run = await CliRun.RunAsync("detect", image, "--models", models.Path);
        run.AssertSingleError("mask_classifier.onnx", "input 'pixels'");
    }

    [Fact]
    public async Task DetectorFileThatIsNotYuNet()
    {
        using var models = new DevModelFolder(realClassifier: false);
        var image = models.File("ok.jpg");
        File.WriteAllBytes(image, TestFiles.Jpeg());
        var run = await CliRun.RunAsync("detect", image, "--models", models.Path, "--detector", "mask_classifier.onnx");
        run.AssertSingleError("mask_classifier.onnx", "YuNet");
    }

    [Fact]
    public async Task DeadRtspUrl_FailsWithinTheTimeout()
    {
        var url = $"rtsp://127.0.0.1:{Models.ModelsCommandTests.FreePort()}/nothing";
        var run = await CliRun.RunAsync("detect", url, "--timeout", "3");
        run.AssertSingleError("rtsp://127.0.0.1");
    }

    [Fact]
    public async Task UnreachableHttpUrl()
    {
        var url = $"http://127.0.0.1:{Models.ModelsCommandTests.FreePort()}/cam.mjpeg";
        var run = await CliRun.RunAsync("detect", url, "--timeout", "3");
        run.AssertSingleError("http://127.0.0.1");
    }

    [Fact]
    public async Task TextFileAsVideo()
    {
        using var dir = new TempDir();
        var path = dir.File("clip.mp4");
        File.WriteAllText(path, "not a video\n");
        var run = await CliRun.RunAsync("detect", path, "--timeout", "5");
        run.AssertSingleError("clip.mp4");
    }

    [Fact]
    public async Task Gray16Png_IsAcceptedAndAnnotated()
    {
        using var models = new DevModelFolder(realClassifier: false);
        var path = models.File("gray16.png");
        File.WriteAllBytes(path, TestFiles.Gray16Png());
        var output = models.File("out.png");

        var run = await CliRun.RunAsync("detect", path, "--json", "--out", output, "--models", models.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Err);
        using var doc = System.Text.Json.JsonDocument.Parse(run.Out);
        Assert.Equal(64, doc.RootElement.GetProperty("width").GetInt32());
        using var annotated = Vision.Imaging.ImageCodec.DecodeFile(output);
        Assert.Equal((64, 48), (annotated.Width, annotated.Height));
    }
}

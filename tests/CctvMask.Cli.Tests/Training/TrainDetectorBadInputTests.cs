namespace CctvMask.Cli.Tests.Training;

/// <summary><c>train-detector</c> refuses bad input with one error line naming the problem and a non-zero exit, before any training.</summary>
public sealed class TrainDetectorBadInputTests
{
    [Fact]
    public async Task An_unknown_base_model_is_named()
    {
        using var dir = new TempDir();
        (await CliRun.RunAsync("train-detector", "--base", "yunet_xl", "--train", dir.Path, "--report", dir.File("run")))
            .AssertSingleError("yunet_xl", "neither");
    }

    [Fact]
    public async Task A_missing_training_folder_is_named()
    {
        using var dir = new TempDir();
        var model = dir.File("base.onnx");
        File.WriteAllBytes(model, [1, 2, 3]);
        (await CliRun.RunAsync("train-detector", "--base", model, "--train", "/nonexistent/voc", "--report", dir.File("run")))
            .AssertSingleError("/nonexistent/voc", "not found");
    }

    [Fact]
    public async Task A_canvas_that_is_not_a_multiple_of_32_is_refused()
    {
        using var dir = new TempDir();
        var model = dir.File("base.onnx");
        File.WriteAllBytes(model, [1, 2, 3]);
        (await CliRun.RunAsync("train-detector", "--base", model, "--train", dir.Path, "--size", "300", "--report", dir.File("run")))
            .AssertSingleError("CanvasSize", "multiple of 32");
    }

    [Fact]
    public async Task A_base_file_that_is_not_onnx_is_named()
    {
        using var dir = new TempDir();
        var model = dir.File("base.onnx");
        File.WriteAllBytes(model, [1, 2, 3]);
        (await CliRun.RunAsync("train-detector", "--base", model, "--train", dir.Path, "--report", dir.File("run")))
            .AssertSingleError("base.onnx", "not an ONNX model");
    }
}

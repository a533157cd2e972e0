using CctvMask.Testing;
using CctvMask.Training.Detection;

namespace CctvMask.Training.Tests.Detection;

/// <summary>Tiny, deterministic runs of the detector trainer (one photo, full batch, no augmentation).</summary>
public sealed class DetectorTrainerTests : IDisposable
{
    private const string Photo = "maksssksksss105";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "cctvmask-detector-test-" + Guid.NewGuid().ToString("N"));

    public DetectorTrainerTests()
    {
        // A one-photo VOC folder (a copy in a temp folder; nothing from ../shared enters the repository).
        var dev = TestEnvironment.Shared("datasets", "face-mask-dev");
        Directory.CreateDirectory(Path.Combine(_dir, "data", "images"));
        Directory.CreateDirectory(Path.Combine(_dir, "data", "annotations"));
        File.Copy(Path.Combine(dev, "images", Photo + ".jpg"), Path.Combine(_dir, "data", "images", Photo + ".jpg"));
        File.Copy(Path.Combine(dev, "annotations", Photo + ".xml"), Path.Combine(_dir, "data", "annotations", Photo + ".xml"));
    }

    [Fact]
    public void Loss_decreases_over_a_few_full_batch_steps_on_one_photo()
    {
        var options = Options(epochs: 5, "loss");
        var result = new DetectorTrainer(options).Run();
        var trained = result.Report.History.Where(h => h.Epoch > 0).ToList();
        Assert.Equal(5, trained.Count);
        Assert.All(trained, h => Assert.True(double.IsFinite(h.Loss), $"epoch {h.Epoch} loss {h.Loss}"));
        // Deterministic (fixed photo, no augmentation, one full batch per epoch): the last loss is clearly lower.
        Assert.True(trained[^1].Loss < trained[0].Loss * 0.95, string.Join(", ", trained.Select(h => h.Loss.ToString("F4"))));
        Assert.True(File.Exists(result.ModelPath));
    }

    [Fact]
    public void Resume_continues_from_the_saved_epoch()
    {
        var first = new DetectorTrainer(Options(epochs: 1, "resume")).Run();
        Assert.Equal([0, 1], first.Report.History.Select(h => h.Epoch));

        var epochsRun = new List<int>();
        var options = Options(epochs: 2, "resume");
        options.Resume = true;
        var second = new DetectorTrainer(options).Run(new Recorder(p => { if (p.Phase == "Training") epochsRun.Add(p.Epoch); }));
        Assert.Equal([2], epochsRun.Distinct());
        Assert.Equal([0, 1, 2], second.Report.History.Select(h => h.Epoch));
        Assert.Equal(first.Report.History[1].Loss, second.Report.History[1].Loss);
        Assert.Equal(2, DetectorCheckpointState.Load(second.CheckpointDir)!.Epoch);
    }

    [Fact]
    public void Resume_without_a_checkpoint_fails_clearly()
    {
        var options = Options(epochs: 1, "missing");
        options.Resume = true;
        var ex = Assert.Throws<FileNotFoundException>(() => new DetectorTrainer(options).Run());
        Assert.Contains("Nothing to resume", ex.Message);
    }

    private DetectorTrainingOptions Options(int epochs, string name) => new()
    {
        BaseModelPath = TestEnvironment.Shared("models", "face-detection", "yunet_n_dynamic.onnx"),
        TrainDirs = [Path.Combine(_dir, "data")],
        Epochs = epochs,
        CanvasSize = 192,
        BatchSize = 1,
        LearningRate = 2e-4,
        WarmupSteps = 0,
        Augmentation = new DetectorAugmentationOptions { Disabled = true },
        OutputPath = Path.Combine(_dir, name, "model.onnx"),
        ReportDir = Path.Combine(_dir, name),
    };

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private sealed class Recorder(Action<DetectorTrainingProgress> report) : IProgress<DetectorTrainingProgress>
    {
        public void Report(DetectorTrainingProgress value) => report(value);
    }
}

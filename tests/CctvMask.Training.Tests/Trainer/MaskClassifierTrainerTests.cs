using System.Text.Json;
using CctvMask.Training.Data;
using CctvMask.Training.Modeling;
using CctvMask.Training.Tests.Export;
using CctvMask.Training.Trainer;
using CctvMask.Vision.FaceCrop;
using CctvMask.Vision.Imaging;
using CctvMask.Vision.MaskClassification;
using Microsoft.ML.OnnxRuntime;
using TorchSharp;

namespace CctvMask.Training.Tests.Trainer;

/// <summary>A tiny real run: a few steps on a handful of real images, then everything it writes is checked.</summary>
public sealed class MaskClassifierTrainerTests : IDisposable
{
    private readonly string _data = TrainingFixtures.LinkDataset(perClass: 10);
    private readonly string _work = Directory.CreateTempSubdirectory("cctvmask-train-run-").FullName;

    public void Dispose()
    {
        Directory.Delete(_data, true);
        Directory.Delete(_work, true);
    }

    private TrainingOptions TinyOptions() => new()
    {
        DatasetDirs = [_data],
        // The tiny set has two class folders; the three-class default would add an empty third output.
        Classes = ["with_mask", "without_mask"],
        Epochs = 16,
        InputSize = 32,
        BatchSize = 16,
        WidthMultiplier = 0.35,
        Dropout = 0,
        LearningRate = 2e-3,
        WeightDecay = 0,
        WarmupEpochs = 0,
        MaxStepsPerEpoch = 1,
        OutputPath = Path.Combine(_work, "model.onnx"),
        ReportDir = Path.Combine(_work, "report"),
        CacheDir = Path.Combine(_work, "cache"),
        Seed = 11,
        // No augmentation and one full batch per epoch: the same pixels every step, so the loss must fall as the
        // net fits them. (Two batches of 8 made BatchNorm so noisy that the epoch loss wandered on 2-core CI.)
        Augmentation = new()
        {
            FlipProbability = 0, MaxRotationDegrees = 0, MaxScaleChange = 0, MaxTranslation = 0, ColorProbability = 0,
            BlurProbability = 0, JpegProbability = 0, LowResolutionProbability = 0,
        },
    };

    [Fact]
    public void TinyRunLearnsAndWritesModelCheckpointReportAndPlot()
    {
        using var detector = TrainingFixtures.CreateDetector();
        var options = TinyOptions();

        var result = new MaskClassifierTrainer(options, TrainingFixtures.Finder(detector)).Run();

        var history = result.Report.History;
        Assert.Equal(options.Epochs, history.Count);
        Assert.True(history[^1].TrainLoss < history[0].TrainLoss * 0.5,
            $"train loss {string.Join(" → ", history.Select(h => h.TrainLoss.ToString("F4")))}");
        Assert.Equal(4, result.Report.ValidationSamples); // round(10 · 0.2) per class
        Assert.Equal(4, result.Report.Validation.Total);

        // report.json carries the numbers, the confusion matrix and the settings.
        using var json = JsonDocument.Parse(File.ReadAllText(result.ReportJsonPath));
        var root = json.RootElement;
        Assert.Equal(options.Epochs, root.GetProperty("history").GetArrayLength());
        Assert.Equal(2, root.GetProperty("validation").GetProperty("confusion").GetArrayLength());
        Assert.Equal(32, root.GetProperty("settings").GetProperty("input_size").GetInt32());
        Assert.Equal(result.Report.Validation.Accuracy, root.GetProperty("validation").GetProperty("accuracy").GetDouble(), 9);

        // plot.png is a real PNG of the configured size.
        using (var plot = ImageCodec.DecodeFile(result.PlotPath))
            Assert.Equal((1200, 450), (plot.Width, plot.Height));

        // The ONNX model describes itself for Vision.
        using var session = new InferenceSession(result.ModelPath);
        var meta = MaskClassifierMetadata.Parse(session.ModelMetadata.CustomMetadataMap, result.ModelPath);
        Assert.Equal(32, meta.InputSize);
        Assert.Equal(["with_mask", "without_mask"], meta.Classes);
        Assert.Equal(options.CropMargin, meta.CropMargin);
        Assert.False(string.IsNullOrEmpty(meta.GitCommit));
        Assert.Contains("val_accuracy=", meta.Metrics);

        // The checkpoint round-trips, and the ONNX graph matches it on real face crops.
        using var reloaded = MaskNetFactory.Create(2, options.WidthMultiplier, options.Dropout);
        reloaded.load(result.CheckpointPath);
        reloaded.eval();
        var input = RealCrops(meta, 6);
        using var x = torch.tensor(input, [6, 3, 32, 32]);
        OnnxExportParityTests.AssertParity(reloaded, File.ReadAllBytes(result.ModelPath), x);
    }

    private static float[] RealCrops(MaskClassifierMetadata meta, int count)
    {
        int s = meta.InputSize, len = 3 * s * s;
        var data = new float[count * len];
        var files = TrainingFixtures.MaskCrops("with_mask", count / 2).Concat(TrainingFixtures.MaskCrops("without_mask", count - count / 2)).ToList();
        var crop = new byte[s * s * 3];
        for (int i = 0; i < files.Count; i++)
        {
            using var image = ImageCodec.DecodeFile(files[i]);
            var box = new CctvMask.Vision.Geometry.BoxF(image.Width * 0.1f, image.Height * 0.1f, image.Width * 0.8f, image.Height * 0.8f);
            FaceCropper.CropSquare(image.AsFrame(), box, meta.CropMargin, s, crop);
            FaceCropper.ToTensor(crop, s, meta, data.AsSpan(i * len, len));
        }
        return data;
    }
}

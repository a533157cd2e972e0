using CctvMask.Testing;
using CctvMask.Vision.Detection;
using CctvMask.Vision.FaceDetection;
using CctvMask.Vision.MaskClassification;
using CctvMask.Vision.Models;
using CctvMask.Vision.Tests.MaskClassification;

namespace CctvMask.Grains.Tests.Support;

/// <summary>
/// The real two-phase detector: YuNet from the model folder, and the trained classifier when the
/// folder has one; otherwise a tiny generated stand-in classifier (phase 2 still runs through ONNX
/// Runtime, only its verdicts are meaningless), so these tests never depend on a training run.
/// </summary>
internal static class RealModels
{
    private static readonly Lazy<string> StandIn = new(() =>
    {
        var dir = Directory.CreateTempSubdirectory("cctvmask-grains-models-").FullName;
        return TinyClassifierModel.Write(Path.Combine(dir, "standin.onnx"), 16,
            new float[,] { { 1f, -1f }, { 0f, 0f }, { -1f, 1f } }, [0f, 0f], TinyClassifierModel.Metadata(16));
    });

    /// <summary>Path of the classifier used, and whether it is the trained one.</summary>
    public static (string Path, bool Trained) Classifier()
    {
        foreach (var dir in new[] { TestEnvironment.ModelsDir, Path.Combine(TestEnvironment.RepoRoot, "models") })
        {
            var path = Path.Combine(dir, ModelLocator.Classifier);
            if (File.Exists(path)) return (path, true);
        }
        return (StandIn.Value, false);
    }

    public static TwoPhaseDetectorOptions Options() => new()
    {
        Detector = new FaceDetectorOptions { ModelPath = TestEnvironment.Model(ModelLocator.DynamicDetector), InputSizePolicy = InputSizePolicy.Native },
        Classifier = new MaskClassifierOptions { ModelPath = Classifier().Path },
    };

    public static TwoPhaseDetector Create() => new(Options());
}

using System.CommandLine;
using CctvMask.Vision.Detection;
using CctvMask.Vision.FaceDetection;
using CctvMask.Vision.Models;

namespace CctvMask.Cli.Detect;

/// <summary>
/// Detector options shared by detect / eval / bench: which files, input size policy, thresholds.
/// Anything not given keeps Vision's defaults (TwoPhaseDetectorOptions / FaceDetectorOptions).
/// </summary>
public sealed class DetectorSettings
{
    /// <summary>Face detector file in the model folder.</summary>
    public Option<string?> Detector { get; } = new("--detector")
    {
        Description = $"Face detector file in the model folder: {ModelLocator.ProjectDetector} | {ModelLocator.DynamicDetector} | {ModelLocator.FixedDetector} (default {ModelLocator.DefaultDetector}).",
    };

    /// <summary>Classifier file in the model folder.</summary>
    public Option<string?> Classifier { get; } = new("--classifier")
    {
        Description = $"Mask classifier file in the model folder (default {ModelLocator.Classifier}).",
    };

    /// <summary>Input size policy.</summary>
    public Option<InputSizePolicy?> InputPolicy { get; } = new("--input-policy")
    {
        Description = "How frames are scaled for the face detector: Native | LongSide | Fixed640 | AtLeastLongSide.",
    };

    /// <summary>Target long side.</summary>
    public Option<int?> InputSize { get; } = new("--input-size")
    {
        Description = "Target longer side (pixels) for the LongSide / AtLeastLongSide policies.",
    };

    /// <summary>
    /// The CLI's small-face pass: photos and clips are judged one at a time, so accuracy is worth the ~2× time.
    /// On face-mask-dev it lifts face recall (IoU 0.3) from 87.7 % to 90.7 % (960 px; 1120 px gained nothing more).
    /// </summary>
    public const int DefaultZoomSize = 960;

    /// <summary>Small-face pass long side (0 = off).</summary>
    public Option<int?> ZoomSize { get; } = new("--zoom-size")
    {
        Description = $"Small-face pass: also run the detector with the longer side scaled to this many pixels and add the small faces it finds (default {DefaultZoomSize}; 0 turns it off).",
    };

    /// <summary>Largest face taken from the small-face pass.</summary>
    public Option<float?> ZoomMaxFace { get; } = new("--zoom-max-face")
    {
        Description = "Faces from the small-face pass are kept only below this size (sqrt of box area, frame pixels).",
    };

    /// <summary>Minimum face score.</summary>
    public Option<float?> Score { get; } = new("--score")
    {
        Description = "Minimum face score (0..1).",
    };

    /// <summary>Faces smaller than this are "unknown" without classifying.</summary>
    public Option<float?> MinFaceSize { get; } = new("--min-face-size")
    {
        Description = "Faces whose shorter side is below this many pixels are labelled unknown (default 8; 0 labels every face).",
    };

    /// <summary>Top-probability threshold below which a face is "unknown".</summary>
    public Option<float?> MinConfidence { get; } = new("--min-confidence")
    {
        Description = "A face whose top class probability is below this is labelled unknown (default 0.6; 0 always takes the top class).",
    };

    /// <summary>ONNX Runtime intra-op threads.</summary>
    public Option<int?> Threads { get; } = new("--threads")
    {
        Description = "ONNX Runtime threads per session (default: one per core).",
    };

    /// <summary>Where ONNX Runtime runs the models.</summary>
    public Option<ExecutionProviderKind?> Provider { get; } = new("--provider")
    {
        Description = "Execution provider: Cpu | Cuda | Auto (CUDA when it can be enabled, else CPU with one warning; needs the GPU build, see README \"GPU\"). Default Cpu.",
    };

    /// <summary>Adds the options to a command.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Detector);
        command.Options.Add(Classifier);
        command.Options.Add(InputPolicy);
        command.Options.Add(InputSize);
        command.Options.Add(ZoomSize);
        command.Options.Add(ZoomMaxFace);
        command.Options.Add(Score);
        command.Options.Add(MinFaceSize);
        command.Options.Add(MinConfidence);
        command.Options.Add(Threads);
        command.Options.Add(Provider);
    }

    /// <summary>Builds the detector options; model files must exist (else <see cref="ModelLoadException"/>).</summary>
    public TwoPhaseDetectorOptions Build(ParseResult parse, string? modelsOption, float? scoreOverride = null)
    {
        var detectorFile = parse.GetValue(Detector) ?? ModelLocator.DefaultDetector;
        var classifierFile = parse.GetValue(Classifier) ?? ModelLocator.Classifier;
        var options = TwoPhaseDetectorOptions.ForModelFolder(ModelLocator.ResolveFolder(modelsOption));
        options.Detector.ModelPath = ModelLocator.Resolve(detectorFile, modelsOption);
        options.Classifier.ModelPath = ModelLocator.Resolve(classifierFile, modelsOption);
        if (parse.GetValue(InputPolicy) is { } policy)
            options.Detector.InputSizePolicy = policy;
        if (parse.GetValue(InputSize) is { } size)
            options.Detector.LongSide = size;
        options.Detector.ZoomLongSide = parse.GetValue(ZoomSize) ?? DefaultZoomSize;
        if (parse.GetValue(ZoomMaxFace) is { } zoomMax)
            options.Detector.ZoomMaxFaceSize = zoomMax;
        if ((scoreOverride ?? parse.GetValue(Score)) is { } score)
            options.Detector.ScoreThreshold = score;
        if (parse.GetValue(MinFaceSize) is { } minFace)
            options.MinFaceSize = minFace;
        if (parse.GetValue(MinConfidence) is { } minConfidence)
            options.MinConfidence = minConfidence;
        if (parse.GetValue(Threads) is { } threads)
            options.IntraOpThreads = threads;
        if (parse.GetValue(Provider) is { } provider)
            options.ExecutionProvider = provider;
        options.Validate();
        return options;
    }

    /// <summary>A one-line description for reports.</summary>
    public static string Describe(TwoPhaseDetectorOptions options) =>
        $"{Path.GetFileName(options.Detector.ModelPath)}, {options.Detector.InputSizePolicy} {options.Detector.LongSide}" +
        (options.Detector.ZoomLongSide > 0 ? $" + small faces at {options.Detector.ZoomLongSide} (< {options.Detector.ZoomMaxFaceSize} px)" : "") + ", " +
        $"score ≥ {options.Detector.ScoreThreshold}, NMS {options.Detector.NmsThreshold}; {Path.GetFileName(options.Classifier.ModelPath)}, " +
        $"unknown below {options.MinFaceSize} px or p < {options.MinConfidence}; provider {options.ExecutionProvider}";
}

using CctvMask.Vision.Detection;

namespace CctvMask.Vision.Models;

/// <summary>
/// Finds the model folder: an explicit folder (e.g. <c>--models DIR</c>), then the
/// <c>CCTVMASK_MODELS</c> environment variable, then <c>./models</c>.
/// </summary>
public static class ModelLocator
{
    /// <summary>Environment variable naming the model folder.</summary>
    public const string EnvironmentVariable = "CCTVMASK_MODELS";

    /// <summary>YuNet-n, fixed 640×640 input.</summary>
    public const string FixedDetector = "yunet_n_640_640.onnx";

    /// <summary>YuNet-n, dynamic input.</summary>
    public const string DynamicDetector = "yunet_n_dynamic.onnx";

    /// <summary>
    /// The project's own face detector: YuNet-n fine-tuned on face-mask photos by <c>cctvmask train-detector</c>
    /// (same graph and inputs/outputs as <see cref="DynamicDetector"/>; model card models/face_detector.md).
    /// </summary>
    public const string ProjectDetector = "face_detector.onnx";

    /// <summary>The project's mask classifier.</summary>
    public const string Classifier = "mask_classifier.onnx";

    /// <summary>
    /// The detector file used by default (CLI, server, container image; marked <c>"default": true</c> in
    /// models/manifest.json): the project's fine-tuned YuNet-n, better on the held-out photos (face AP50 85.8 vs 78.6)
    /// and not over-counting people on the clips (track-level eval, models/face_detector.md). The published
    /// <see cref="DynamicDetector"/> stays selectable (<c>--detector yunet_n_dynamic.onnx</c>,
    /// <c>Vision__Detector__Detector__ModelPath</c>).
    /// </summary>
    public const string DefaultDetector = ProjectDetector;

    /// <summary>The model folder to use (not checked for existence).</summary>
    public static string ResolveFolder(string? explicitFolder = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitFolder))
            return Path.GetFullPath(explicitFolder);
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnv)
            return Path.GetFullPath(fromEnv);
        return Path.GetFullPath("models");
    }

    /// <summary>A model file in the resolved folder; throws <see cref="ModelLoadException"/> when it is missing.</summary>
    public static string Resolve(string fileName, string? explicitFolder = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var path = Path.Combine(ResolveFolder(explicitFolder), fileName);
        if (!File.Exists(path))
            throw new ModelLoadException(path,
                $"model file not found (model folder from {Source(explicitFolder)}; set --models or {EnvironmentVariable})");
        return path;
    }

    private static string Source(string? explicitFolder) =>
        !string.IsNullOrWhiteSpace(explicitFolder) ? "the --models option"
        : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } ? EnvironmentVariable
        : "the default ./models";
}

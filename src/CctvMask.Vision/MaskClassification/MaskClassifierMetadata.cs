using System.Globalization;
using CctvMask.Vision.Detection;

namespace CctvMask.Vision.MaskClassification;

/// <summary>
/// How the mask classifier expects its input and what its outputs mean; stored as ONNX custom metadata
/// (see <see cref="MaskClassifierMetadataKeys"/>). Training writes it with <see cref="ToMetadata"/>,
/// Vision reads it with <see cref="Parse"/>.
/// </summary>
public sealed class MaskClassifierMetadata
{
    private const int ChannelCount = 3;
    private const int MinInputSize = 8;
    private const int MaxInputSize = 1024;
    private const float MaxCropMargin = 2f;

    private readonly string[] _classes;
    private readonly float[] _mean;
    private readonly float[] _std;

    /// <summary>Creates metadata; throws <see cref="ArgumentException"/> for invalid values.</summary>
    public MaskClassifierMetadata(
        IReadOnlyList<string> classes, int inputSize, ChannelOrder channelOrder,
        IReadOnlyList<float> mean, IReadOnlyList<float> std, float cropMargin)
    {
        ArgumentNullException.ThrowIfNull(classes);
        _classes = [.. classes];
        WithMaskIndex = Array.IndexOf(_classes, MaskClassifierMetadataKeys.WithMaskClass);
        WithoutMaskIndex = Array.IndexOf(_classes, MaskClassifierMetadataKeys.WithoutMaskClass);
        IncorrectIndex = Array.IndexOf(_classes, MaskClassifierMetadataKeys.IncorrectClass);
        if (WithMaskIndex < 0 || WithoutMaskIndex < 0)
            throw new ArgumentException(
                $"classes must contain '{MaskClassifierMetadataKeys.WithMaskClass}' and '{MaskClassifierMetadataKeys.WithoutMaskClass}' (got '{string.Join(',', _classes)}')",
                nameof(classes));
        if (inputSize is < MinInputSize or > MaxInputSize)
            throw new ArgumentOutOfRangeException(nameof(inputSize), inputSize, $"input size must be {MinInputSize}..{MaxInputSize}");
        if (mean.Count != ChannelCount || std.Count != ChannelCount)
            throw new ArgumentException($"mean and std need {ChannelCount} values each (got {mean.Count} and {std.Count})");
        for (int c = 0; c < ChannelCount; c++)
        {
            if (!(std[c] > 0) || !float.IsFinite(std[c]) || !float.IsFinite(mean[c]))
                throw new ArgumentException($"std must be positive and mean finite (channel {c}: mean {mean[c]}, std {std[c]})");
        }
        if (!(cropMargin >= 0 && cropMargin <= MaxCropMargin))
            throw new ArgumentOutOfRangeException(nameof(cropMargin), cropMargin, $"crop margin must be 0..{MaxCropMargin}");
        InputSize = inputSize;
        ChannelOrder = channelOrder;
        _mean = [.. mean];
        _std = [.. std];
        CropMargin = cropMargin;
    }

    /// <summary>Class names in output order.</summary>
    public IReadOnlyList<string> Classes => _classes;

    /// <summary>Number of classes (output columns).</summary>
    public int ClassCount => _classes.Length;

    /// <summary>Output column of "with_mask".</summary>
    public int WithMaskIndex { get; }

    /// <summary>Output column of "without_mask".</summary>
    public int WithoutMaskIndex { get; }

    /// <summary>Output column of "mask_incorrect", or −1 for a two-class model.</summary>
    public int IncorrectIndex { get; }

    /// <summary>Square input side S.</summary>
    public int InputSize { get; }

    /// <summary>Order of the input planes.</summary>
    public ChannelOrder ChannelOrder { get; }

    /// <summary>Per-channel mean in channel order (pixels scaled to 0..1 first).</summary>
    public IReadOnlyList<float> Mean => _mean;

    /// <summary>Per-channel std in channel order.</summary>
    public IReadOnlyList<float> Std => _std;

    /// <summary>Fraction of the face box's longer side added on each side before squaring.</summary>
    public float CropMargin { get; }

    /// <summary>Informational: training data.</summary>
    public string? Dataset { get; init; }

    /// <summary>Informational: evaluation metrics.</summary>
    public string? Metrics { get; init; }

    /// <summary>Informational: git commit of the trainer.</summary>
    public string? GitCommit { get; init; }

    /// <summary>Informational: creation time.</summary>
    public string? Created { get; init; }

    internal ReadOnlySpan<float> MeanSpan => _mean;

    internal ReadOnlySpan<float> StdSpan => _std;

    /// <summary>
    /// Parses the metadata of a model file; throws <see cref="ModelLoadException"/> naming the file
    /// and the missing or invalid key.
    /// </summary>
    public static MaskClassifierMetadata Parse(IReadOnlyDictionary<string, string> metadata, string modelPath)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        string Get(string key) => metadata.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v)
            ? v.Trim()
            : throw new ModelLoadException(modelPath, $"metadata key '{key}' is missing (is this a CctvMask mask classifier?)");

        try
        {
            var classes = Get(MaskClassifierMetadataKeys.Classes).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var sizeText = Get(MaskClassifierMetadataKeys.InputSize);
            if (!int.TryParse(sizeText, NumberStyles.Integer, CultureInfo.InvariantCulture, out int size))
                throw new ModelLoadException(modelPath, $"metadata '{MaskClassifierMetadataKeys.InputSize}' = '{sizeText}' is not an integer");
            var order = Get(MaskClassifierMetadataKeys.ChannelOrder).ToUpperInvariant() switch
            {
                "RGB" => ChannelOrder.Rgb,
                "BGR" => ChannelOrder.Bgr,
                var other => throw new ModelLoadException(modelPath, $"metadata '{MaskClassifierMetadataKeys.ChannelOrder}' = '{other}' (expected RGB or BGR)"),
            };
            var mean = ParseFloats(Get(MaskClassifierMetadataKeys.Mean), MaskClassifierMetadataKeys.Mean, modelPath);
            var std = ParseFloats(Get(MaskClassifierMetadataKeys.Std), MaskClassifierMetadataKeys.Std, modelPath);
            var marginText = Get(MaskClassifierMetadataKeys.CropMargin);
            if (!float.TryParse(marginText, NumberStyles.Float, CultureInfo.InvariantCulture, out float margin))
                throw new ModelLoadException(modelPath, $"metadata '{MaskClassifierMetadataKeys.CropMargin}' = '{marginText}' is not a number");
            return new MaskClassifierMetadata(classes, size, order, mean, std, margin)
            {
                Dataset = metadata.GetValueOrDefault(MaskClassifierMetadataKeys.Dataset),
                Metrics = metadata.GetValueOrDefault(MaskClassifierMetadataKeys.Metrics),
                GitCommit = metadata.GetValueOrDefault(MaskClassifierMetadataKeys.GitCommit),
                Created = metadata.GetValueOrDefault(MaskClassifierMetadataKeys.Created),
            };
        }
        catch (ArgumentException ex)
        {
            throw new ModelLoadException(modelPath, $"invalid classifier metadata: {ex.Message}", ex);
        }
    }

    /// <summary>The metadata as ONNX custom metadata strings (informational keys only when set).</summary>
    public Dictionary<string, string> ToMetadata()
    {
        var result = new Dictionary<string, string>
        {
            [MaskClassifierMetadataKeys.Classes] = string.Join(',', _classes),
            [MaskClassifierMetadataKeys.InputSize] = InputSize.ToString(CultureInfo.InvariantCulture),
            [MaskClassifierMetadataKeys.ChannelOrder] = ChannelOrder == ChannelOrder.Rgb ? "RGB" : "BGR",
            [MaskClassifierMetadataKeys.Mean] = FormatFloats(_mean),
            [MaskClassifierMetadataKeys.Std] = FormatFloats(_std),
            [MaskClassifierMetadataKeys.CropMargin] = CropMargin.ToString("R", CultureInfo.InvariantCulture),
        };
        AddIfSet(result, MaskClassifierMetadataKeys.Dataset, Dataset);
        AddIfSet(result, MaskClassifierMetadataKeys.Metrics, Metrics);
        AddIfSet(result, MaskClassifierMetadataKeys.GitCommit, GitCommit);
        AddIfSet(result, MaskClassifierMetadataKeys.Created, Created);
        return result;
    }

    private static float[] ParseFloats(string text, string key, string modelPath)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new float[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!float.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
                throw new ModelLoadException(modelPath, $"metadata '{key}' = '{text}' is not a comma-separated list of numbers");
        }
        return values;
    }

    private static string FormatFloats(float[] values) =>
        string.Join(',', Array.ConvertAll(values, v => v.ToString("R", CultureInfo.InvariantCulture)));

    private static void AddIfSet(Dictionary<string, string> target, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
            target[key] = value;
    }
}

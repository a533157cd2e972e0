namespace CctvMask.Vision.MaskClassification;

/// <summary>ONNX custom metadata keys written by Training and read by Vision (all values are strings).</summary>
public static class MaskClassifierMetadataKeys
{
    /// <summary>Comma-separated class names in output order, e.g. "with_mask,without_mask".</summary>
    public const string Classes = "cctvmask.classes";

    /// <summary>Square input side S in pixels, e.g. "64".</summary>
    public const string InputSize = "cctvmask.input_size";

    /// <summary>"RGB" or "BGR".</summary>
    public const string ChannelOrder = "cctvmask.channel_order";

    /// <summary>Per-channel mean (in channel order), applied after scaling pixels to 0..1.</summary>
    public const string Mean = "cctvmask.mean";

    /// <summary>Per-channel std (in channel order), applied after scaling pixels to 0..1.</summary>
    public const string Std = "cctvmask.std";

    /// <summary>Fraction of the face box's longer side added on each side before squaring.</summary>
    public const string CropMargin = "cctvmask.crop_margin";

    /// <summary>Informational: training data description.</summary>
    public const string Dataset = "cctvmask.dataset";

    /// <summary>Informational: evaluation metrics.</summary>
    public const string Metrics = "cctvmask.metrics";

    /// <summary>Informational: git commit of the training code.</summary>
    public const string GitCommit = "cctvmask.git_commit";

    /// <summary>Informational: creation timestamp.</summary>
    public const string Created = "cctvmask.created";

    /// <summary>Class name of masked faces.</summary>
    public const string WithMaskClass = "with_mask";

    /// <summary>Class name of unmasked faces.</summary>
    public const string WithoutMaskClass = "without_mask";

    /// <summary>Class name of a mask worn below the nose or on the chin (optional third class).</summary>
    public const string IncorrectClass = "mask_incorrect";

    /// <summary>Graph input name.</summary>
    public const string InputName = "input";

    /// <summary>Graph output name.</summary>
    public const string OutputName = "probabilities";
}

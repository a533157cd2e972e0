using System.ComponentModel.DataAnnotations;
using CctvMask.Training.Augmentation;

namespace CctvMask.Training.Trainer;

/// <summary>Everything <c>cctvmask train</c> can be told; validated with DataAnnotations before a run.</summary>
public sealed class TrainingOptions
{
    /// <summary>The classifier's classes in output order; the folder names of class-folder datasets.</summary>
    public static readonly IReadOnlyList<string> DefaultClasses = ["with_mask", "without_mask", "mask_incorrect"];

    /// <summary>Class-folder datasets (one sub-folder per class); split 80/20 after de-duplication.</summary>
    [Required, MinLength(1)] public List<string> DatasetDirs { get; set; } = [];

    /// <summary>Optional annotated photos (VOC: images/ + annotations/); faces of the photos not held out are added to training.</summary>
    public string? PhotosDir { get; set; }

    [Range(1, 1000)] public int Epochs { get; set; } = 30;

    /// <summary>
    /// Square input side. 48 px (the shipped model): CCTV faces are mostly far smaller, and with width 0.5 a crop costs
    /// ~0.25 ms on one CPU thread, which keeps phase 2 off the end-to-end limit on crowds (models/mask_classifier.md).
    /// </summary>
    [Range(16, 512)] public int InputSize { get; set; } = 48;

    [Range(1, 4096)] public int BatchSize { get; set; } = 64;
    /// <summary>MobileNetV2 width multiplier; 0.5 for the shipped model.</summary>
    [Range(0.1, 2.0)] public double WidthMultiplier { get; set; } = 0.5;
    [Range(0.0, 0.9)] public double Dropout { get; set; } = 0.2;
    [Range(1e-6, 1.0)] public double LearningRate { get; set; } = 3e-3;
    [Range(0.0, 1.0)] public double WeightDecay { get; set; } = 0.01;
    [Range(0, 100)] public int WarmupEpochs { get; set; } = 1;
    [Range(0.0, 0.9)] public double ValidationFraction { get; set; } = 0.2;

    /// <summary>Crop margin written into the model (fraction of the face box's longer side on each side).</summary>
    [Range(0.0, 1.0)] public float CropMargin { get; set; } = 0.25f;

    public int Seed { get; set; } = 42;

    /// <summary>
    /// Optional TorchSharp checkpoint of an earlier run of this trainer (same architecture) to start from,
    /// e.g. to continue a schedule in stages. Never ImageNet weights: the classifier is trained from scratch.
    /// </summary>
    public string? InitCheckpoint { get; set; }

    /// <summary>
    /// Optional ONNX model written by this trainer's exporter to start from (weights imported, BatchNorm folded;
    /// classes it lacks start fresh). For fine-tuning a committed model whose checkpoint is gone. Implies
    /// <see cref="FreezeBatchNorm"/>.
    /// </summary>
    public string? InitOnnx { get; set; }

    /// <summary>Keep BatchNorm layers in inference mode while training (their running statistics fixed).</summary>
    public bool FreezeBatchNorm { get; set; }

    /// <summary>
    /// Annotated photos (VOC) used for training in full — none held out, because they are not from the
    /// held-out source (face-mask-extra) — restricted to <see cref="ExtraPhotoClasses"/>.
    /// </summary>
    public List<string> ExtraPhotosDirs { get; set; } = [];

    /// <summary>Classes taken from <see cref="ExtraPhotosDirs"/> (empty = all classes).</summary>
    public List<string> ExtraPhotoClasses { get; set; } = [];

    /// <summary>Weight the loss by inverse class frequency (without_mask is the minority and the class that matters).</summary>
    public bool BalanceClasses { get; set; } = true;

    [Required] public string OutputPath { get; set; } = "models/mask_classifier.onnx";
    [Required] public string ReportDir { get; set; } = "runs/train";

    /// <summary>Face locations are detected once and cached here (by content hash).</summary>
    public string CacheDir { get; set; } = Path.Combine(Path.GetTempPath(), "cctvmask-train-cache");

    /// <summary>Testing aid: use at most this many images per class and folder.</summary>
    [Range(1, int.MaxValue)] public int? MaxImagesPerClass { get; set; }

    /// <summary>Testing aid: stop each epoch after this many optimizer steps.</summary>
    [Range(1, int.MaxValue)] public int? MaxStepsPerEpoch { get; set; }

    /// <summary>Photos held out from training: SHA-256(file stem)[0] mod HoldOutModulus == 0.</summary>
    [Range(2, 256)] public int HoldOutModulus { get; set; } = 3;

    /// <summary>Ground-truth faces smaller than this (longer side, px) are not used for training.</summary>
    [Range(1, 1000)] public int MinPhotoFaceSize { get; set; } = 10;

    public IReadOnlyList<string> Classes { get; set; } = DefaultClasses;

    [Required] public AugmentationOptions Augmentation { get; set; } = new();

    public void Validate()
    {
        Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
        Validator.ValidateObject(Augmentation, new ValidationContext(Augmentation), validateAllProperties: true);
        if (Augmentation.MinLowResolutionFace > Augmentation.MaxLowResolutionFace)
            throw new ValidationException("MinLowResolutionFace must not exceed MaxLowResolutionFace.");
        if (InitOnnx is not null && InitCheckpoint is not null)
            throw new ValidationException("Give InitOnnx or InitCheckpoint, not both.");
        if (Classes.Count < 2 || Classes.Distinct(StringComparer.Ordinal).Count() != Classes.Count)
            throw new ValidationException("Classes must be at least two distinct names.");
        if (ExtraPhotoClasses.Any(c => !Classes.Contains(c)))
            throw new ValidationException("ExtraPhotoClasses must be among Classes.");
        if (Augmentation.MinJpegQuality > Augmentation.MaxJpegQuality)
            throw new ValidationException("MinJpegQuality must not exceed MaxJpegQuality.");
    }
}

using System.ComponentModel.DataAnnotations;

namespace CctvMask.Training.Detection;

/// <summary>Everything <c>cctvmask train-detector</c> can be told; validated with DataAnnotations before a run.</summary>
public sealed class DetectorTrainingOptions
{
    /// <summary>The published YuNet to start from (a dynamic-size ONNX model).</summary>
    [Required] public string BaseModelPath { get; set; } = "";

    /// <summary>VOC folders (images/ + annotations/) used whole for training, e.g. face-mask-extra.</summary>
    public List<string> TrainDirs { get; set; } = [];

    /// <summary>
    /// VOC folder of real photos (face-mask-dev): photos held out by <see cref="HoldOutModulus"/> are never read;
    /// of the rest, 1 in <see cref="ValidationModulus"/> validates (chooses the best epoch), the others train.
    /// </summary>
    public string? PhotosDir { get; set; }

    [Range(1, 1000)] public int Epochs { get; set; } = 12;

    /// <summary>Square training canvas. 416 keeps a CPU epoch in minutes; faces are rescaled to every size anyway.</summary>
    [Range(64, 1280)] public int CanvasSize { get; set; } = 416;

    [Range(1, 256)] public int BatchSize { get; set; } = 16;

    /// <summary>Images per forward/backward pass within a batch (gradients accumulate). 1 avoids a libtorch NaN-gradient bug.</summary>
    [Range(1, 256)] public int MicroBatch { get; set; } = 1;

    /// <summary>Peak learning rate (AdamW). Low: this fine-tunes published weights.</summary>
    [Range(1e-7, 1.0)] public double LearningRate { get; set; } = 1e-3;

    [Range(0.0, 1.0)] public double WeightDecay { get; set; } = 1e-4;

    /// <summary>Linear warm-up length in optimizer steps (then cosine decay to <see cref="FinalLearningRateFraction"/>).</summary>
    [Range(0, 100_000)] public int WarmupSteps { get; set; } = 30;

    [Range(0.0, 1.0)] public double FinalLearningRateFraction { get; set; } = 0.05;

    /// <summary>Gradient norm clip (fine-tuning must not be thrown off by one bad batch).</summary>
    [Range(0.1, 1000.0)] public double GradientClip { get; set; } = 10;

    public int Seed { get; set; } = 42;

    [Range(2, 256)] public int HoldOutModulus { get; set; } = 3;

    /// <summary>1 in this many non-held-out photos validates (SHA-256(stem)[1] mod ValidationModulus == 0).</summary>
    [Range(2, 256)] public int ValidationModulus { get; set; } = 5;

    [Required] public string OutputPath { get; set; } = "models/face_detector.onnx";
    [Required] public string ReportDir { get; set; } = "runs/train-detector";

    /// <summary>Continue from the checkpoint in <see cref="ReportDir"/> (weights, optimizer, epoch, seed).</summary>
    public bool Resume { get; set; }

    [Required] public DetectionLossOptions Loss { get; set; } = new();
    [Required] public DetectorAugmentationOptions Augmentation { get; set; } = new();
    [Required] public DetectorValidationOptions Validation { get; set; } = new();

    /// <summary>Testing aid: use at most this many training photos.</summary>
    [Range(1, int.MaxValue)] public int? MaxTrainImages { get; set; }

    /// <summary>Testing aid: stop each epoch after this many optimizer steps.</summary>
    [Range(1, int.MaxValue)] public int? MaxStepsPerEpoch { get; set; }

    /// <summary>Intra-op threads for TorchSharp (0 = its default).</summary>
    [Range(0, 256)] public int Threads { get; set; }

    public void Validate()
    {
        Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
        Validator.ValidateObject(Loss, new ValidationContext(Loss), validateAllProperties: true);
        Validator.ValidateObject(Validation, new ValidationContext(Validation), validateAllProperties: true);
        Augmentation.Validate();
        if (CanvasSize % DetectorInput.Alignment != 0)
            throw new ValidationException($"CanvasSize must be a multiple of {DetectorInput.Alignment}.");
        if (TrainDirs.Count == 0 && PhotosDir is null)
            throw new ValidationException("Give at least one training folder or a photos folder.");
    }
}

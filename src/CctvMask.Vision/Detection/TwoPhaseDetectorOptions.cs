using System.ComponentModel.DataAnnotations;
using CctvMask.Vision.FaceDetection;
using CctvMask.Vision.MaskClassification;
using CctvMask.Vision.Models;

namespace CctvMask.Vision.Detection;

/// <summary>Options of the two-phase detector (face detection, then mask classification).</summary>
public sealed class TwoPhaseDetectorOptions
{
    /// <summary>Phase-1 options.</summary>
    [Required]
    public FaceDetectorOptions Detector { get; set; } = new();

    /// <summary>Phase-2 options.</summary>
    [Required]
    public MaskClassifierOptions Classifier { get; set; } = new();

    /// <summary>
    /// Faces whose box's shorter side is below this (pixels) are labelled "unknown" whatever the classifier says.
    /// 8 by measurement (held-out face-mask-dev photos, fine-tuned detector, models/face_detector.md): from 12 to 8
    /// the unknown share of matched faces falls from 25.1 % to 11.2 % while the accuracy of the labelled ones stays
    /// (96.7 % → 97.0 %); the classifier is trained on faces shrunk to 12–40 px and a track votes over its frames.
    /// </summary>
    [Range(0.0, 10_000.0)]
    public float MinFaceSize { get; set; } = 8f;

    /// <summary>
    /// Run the classifier on faces below <see cref="MinFaceSize"/> too, so they carry a mask probability
    /// (their label stays "unknown"). The probability still ranks them usefully — the classifier is trained on
    /// faces downscaled to 12 px — which is what per-class AP measures; turn it off to save phase-2 time when
    /// only labels are used.
    /// </summary>
    public bool ScoreTinyFaces { get; set; } = true;

    /// <summary>A face whose top class probability is below this is "unknown".</summary>
    [Range(0.0, 1.0)]
    public float MinConfidence { get; set; } = 0.6f;

    /// <summary>Frames accepted by one Detect call at most.</summary>
    [Range(1, 1024)]
    public int MaxFramesPerBatch { get; set; } = 32;

    /// <summary>Faces kept over all frames of one Detect call at most.</summary>
    [Range(1, 100_000)]
    public int MaxFacesPerBatch { get; set; } = 2048;

    /// <summary>cpu | cuda | auto (CUDA if it can be enabled, else CPU with a warning).</summary>
    public ExecutionProviderKind ExecutionProvider { get; set; } = ExecutionProviderKind.Cpu;

    /// <summary>ONNX Runtime intra-op threads per session; 0 = one per physical core.</summary>
    [Range(0, 256)]
    public int IntraOpThreads { get; set; }

    /// <summary>ONNX Runtime inter-op threads per session; 0 = default.</summary>
    [Range(0, 256)]
    public int InterOpThreads { get; set; } = 1;

    /// <summary>Let idle ONNX Runtime threads spin (see <see cref="OnnxRuntimeOptions.AllowSpinning"/>); off by default.</summary>
    public bool AllowSpinning { get; set; }

    /// <summary>Options for the default model files in a folder (see <see cref="ModelLocator"/>).</summary>
    public static TwoPhaseDetectorOptions ForModelFolder(string folder) => new()
    {
        Detector = new FaceDetectorOptions { ModelPath = Path.Combine(folder, ModelLocator.DefaultDetector) },
        Classifier = new MaskClassifierOptions { ModelPath = Path.Combine(folder, ModelLocator.Classifier) },
    };

    /// <summary>Validates these options and the nested ones; throws <see cref="ValidationException"/>.</summary>
    public void Validate()
    {
        Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
        Validator.ValidateObject(Detector, new ValidationContext(Detector), validateAllProperties: true);
        Validator.ValidateObject(Classifier, new ValidationContext(Classifier), validateAllProperties: true);
    }

    internal OnnxRuntimeOptions Runtime() => new()
    {
        ExecutionProvider = ExecutionProvider,
        IntraOpThreads = IntraOpThreads,
        InterOpThreads = InterOpThreads,
        AllowSpinning = AllowSpinning,
    };
}

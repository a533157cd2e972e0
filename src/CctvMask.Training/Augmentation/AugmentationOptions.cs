using System.ComponentModel.DataAnnotations;

namespace CctvMask.Training.Augmentation;

/// <summary>Training-time augmentation of face crops. Probabilities are per sample.</summary>
public sealed class AugmentationOptions
{
    /// <summary>The cached context crop covers this many times the inference crop, so rotation/scale/shift find real pixels.</summary>
    [Range(1.0, 2.0)] public float ContextFactor { get; set; } = 1.35f;
    [Range(0.0, 1.0)] public float FlipProbability { get; set; } = 0.5f;
    [Range(0.0, 45.0)] public float MaxRotationDegrees { get; set; } = 12f;
    [Range(0.0, 0.5)] public float MaxScaleChange { get; set; } = 0.12f;
    /// <summary>Shift as a fraction of the crop side.</summary>
    [Range(0.0, 0.3)] public float MaxTranslation { get; set; } = 0.07f;
    [Range(0.0, 1.0)] public float ColorProbability { get; set; } = 0.8f;
    [Range(0.0, 128.0)] public float MaxBrightness { get; set; } = 40f;
    [Range(0.0, 1.0)] public float MaxContrastChange { get; set; } = 0.35f;
    [Range(0.0, 1.0)] public float MaxSaturationChange { get; set; } = 0.4f;
    [Range(0.0, 1.0)] public float GreyProbability { get; set; } = 0.05f;
    [Range(0.0, 1.0)] public float BlurProbability { get; set; } = 0.2f;
    [Range(0.0, 1.0)] public float JpegProbability { get; set; } = 0.3f;
    [Range(5, 100)] public int MinJpegQuality { get; set; } = 15;
    [Range(5, 100)] public int MaxJpegQuality { get; set; } = 75;
    /// <summary>Low-resolution augmentation: the face (not the crop) is shrunk to this many pixels and back.</summary>
    [Range(0.0, 1.0)] public float LowResolutionProbability { get; set; } = 0.5f;
    [Range(4, 256)] public int MinLowResolutionFace { get; set; } = 12;
    [Range(4, 256)] public int MaxLowResolutionFace { get; set; } = 40;
}

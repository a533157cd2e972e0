namespace CctvMask.Server.Inference;

/// <summary>
/// Where the models are (section "Inference"; empty ModelsDir = CCTVMASK_MODELS, else ./models).
/// "Inference:Detector" binds onto the Vision two-phase detector options (validated by Vision).
/// </summary>
public sealed class InferenceOptions
{
    public const string SectionName = "Inference";

    public string? ModelsDir { get; set; }
}

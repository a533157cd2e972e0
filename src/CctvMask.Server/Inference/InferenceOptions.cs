namespace CctvMask.Server.Inference;

/// <summary>
/// Where the models are (section "Inference"; empty ModelsDir = CCTVMASK_MODELS, else ./models).
/// "Vision:Detector" binds onto the two-phase detector options (validated by Vision).
/// </summary>
public sealed class InferenceOptions
{
    public const string SectionName = "Inference";

    public string? ModelsDir { get; set; }
}

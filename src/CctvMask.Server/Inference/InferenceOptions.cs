namespace CctvMask.Server.Inference;

/// <summary>Where the models are (section "Inference"); empty = CCTVMASK_MODELS, else ./models.</summary>
public sealed class InferenceOptions
{
    public const string SectionName = "Inference";

    public string? ModelsDir { get; set; }
}

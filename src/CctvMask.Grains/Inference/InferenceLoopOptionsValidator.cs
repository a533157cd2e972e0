using CctvMask.Vision.Detection;
using Microsoft.Extensions.Options;

namespace CctvMask.Grains.Inference;

/// <summary>Rules that span sections: the loop must not hand the detector more frames than it accepts.</summary>
public sealed class InferenceLoopOptionsValidator(IOptions<TwoPhaseDetectorOptions> detector) : IValidateOptions<InferenceLoopOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, InferenceLoopOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var d = detector.Value;
        List<string> failures = [];
        if (options.MaxBatchSize > d.MaxFramesPerBatch)
            failures.Add($"Cctv:Inference:MaxBatchSize ({options.MaxBatchSize}) exceeds Vision:Detector:MaxFramesPerBatch ({d.MaxFramesPerBatch}).");
        if (options.MaxCropsPerRound > d.MaxFacesPerBatch)
            failures.Add($"Cctv:Inference:MaxCropsPerRound ({options.MaxCropsPerRound}) exceeds Vision:Detector:MaxFacesPerBatch ({d.MaxFacesPerBatch}).");
        if (options.MaxCropsPerFrame > options.MaxCropsPerRound)
            failures.Add($"Cctv:Inference:MaxCropsPerFrame ({options.MaxCropsPerFrame}) exceeds Cctv:Inference:MaxCropsPerRound ({options.MaxCropsPerRound}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

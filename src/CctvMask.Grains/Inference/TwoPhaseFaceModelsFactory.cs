namespace CctvMask.Grains.Inference;

/// <summary>
/// Production lanes: lane 0 runs the process's detector (the one <c>/api/detect</c> uses too), every further
/// lane a detector of its own built by <see cref="DetectorLoader"/> with the same options.
/// </summary>
public sealed class TwoPhaseFaceModelsFactory(DetectorLoader loader) : IFaceModelsFactory
{
    /// <inheritdoc />
    public IFaceModels Create(int lane)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lane);
        return new TwoPhaseFaceModels(lane == 0 ? loader.Detector : loader.CreateDetector());
    }
}

using CctvMask.Vision.Detection;

namespace CctvMask.Cli.Detect;

/// <summary>What one <c>cctvmask detect</c> run was asked to do.</summary>
public sealed record DetectRequest(string Input, string? Output, bool Json, double Fps, long? MaxFrames)
{
    /// <summary>Loads the detector (called after the input was checked, so input errors come first).</summary>
    public required Func<TwoPhaseDetector> LoadDetector { get; init; }
}

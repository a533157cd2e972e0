namespace CctvMask.Grains.Inference;

/// <summary>The motion gate's decision on one camera frame (<see cref="CameraFeed.Gate"/>).</summary>
internal enum GateVerdict
{
    /// <summary>Something moved (or the camera is not gated, or it skipped long enough): phase 1 runs.</summary>
    Analyse,

    /// <summary>Nothing moved: no phase 1; tracks are held.</summary>
    Skip,

    /// <summary>Nothing moved, but tracks in view were never judged: no phase 1, their crops ride in the round.</summary>
    SkipWithCrops,
}

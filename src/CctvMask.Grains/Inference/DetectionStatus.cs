namespace CctvMask.Grains.Inference;

/// <summary>How a submitted frame ended.</summary>
public enum DetectionStatus
{
    /// <summary>The detector ran; faces are in the result.</summary>
    Completed = 0,

    /// <summary>The camera's queue overflowed and this (oldest) frame was dropped unprocessed.</summary>
    Dropped = 1,
}

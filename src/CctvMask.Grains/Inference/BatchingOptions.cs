using System.ComponentModel.DataAnnotations;

namespace CctvMask.Grains.Inference;

/// <summary>Cross-camera batching of the per-silo <see cref="InferenceBatcher"/> (config section <c>Cctv:Batching</c>).</summary>
public sealed class BatchingOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Cctv:Batching";

    /// <summary>Most frames run through the detector at once.</summary>
    [Range(1, 256)]
    public int MaxBatchSize { get; set; } = 8;

    /// <summary>
    /// Longest a frame waits for the batch to fill, from its arrival, before a partial batch runs (ms).
    /// 0 runs whatever is pending immediately.
    /// </summary>
    [Range(0, 1000)]
    public int MaxWaitMilliseconds { get; set; } = 20;

    /// <summary>
    /// Frames that may wait per camera; a new frame beyond this drops that camera's oldest pending frame,
    /// so a slow model or a fast camera never grows memory.
    /// </summary>
    [Range(1, 64)]
    public int QueueCapacityPerCamera { get; set; } = 2;
}

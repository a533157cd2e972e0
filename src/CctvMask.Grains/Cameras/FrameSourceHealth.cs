namespace CctvMask.Grains.Cameras;

/// <summary>
/// Ingest health as the camera status needs it. <paramref name="State"/> is the ingest's own state mapped
/// once (in the source adapter) onto the grain's states: no second set of timeouts re-derives it.
/// </summary>
/// <param name="State">Starting (connecting), Running (streaming), Reconnecting (stalled / backoff), Failed, Stopped.</param>
/// <param name="FramesDecoded">Frames read from the decoder since start.</param>
/// <param name="FramesDropped">Frames replaced by a newer one before the inference loop took them.</param>
/// <param name="Restarts">Decoder restarts.</param>
/// <param name="LastError">Why the state is not Running (scrubbed), else null.</param>
public readonly record struct FrameSourceHealth(CameraState State, long FramesDecoded, long FramesDropped, int Restarts, string? LastError);

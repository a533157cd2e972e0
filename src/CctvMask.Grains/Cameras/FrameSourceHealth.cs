namespace CctvMask.Grains.Cameras;

/// <summary>Ingest health of one camera stream.</summary>
/// <param name="Connected">True while frames are arriving.</param>
/// <param name="FramesDecoded">Frames read from the decoder.</param>
/// <param name="FramesDropped">Frames dropped by the ingest channel (consumer too slow).</param>
/// <param name="Restarts">Decoder restarts (reconnects).</param>
/// <param name="LastError">Last ingest error, scrubbed of credentials.</param>
public readonly record struct FrameSourceHealth(bool Connected, long FramesDecoded, long FramesDropped, int Restarts, string? LastError);

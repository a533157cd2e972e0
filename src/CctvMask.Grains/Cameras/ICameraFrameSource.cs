using System.Threading.Channels;
using CctvMask.Video.Frames;

namespace CctvMask.Grains.Cameras;

/// <summary>
/// A running camera stream as the inference loop sees it: a one-slot channel holding the newest decoded
/// frame (the taker disposes it; a frame not taken before the next arrives is dropped and counted by the
/// source), a signal per arrival, and ingest health. Video's supervised ffmpeg ingest is adapted to this
/// in <see cref="VideoFrameSourceFactory"/>; tests use fakes.
/// </summary>
public interface ICameraFrameSource : IAsyncDisposable
{
    /// <summary>The newest decoded frame; completes when the source ends (finite file) or is disposed.</summary>
    ChannelReader<PooledFrame> Frames { get; }

    /// <summary>Raised after each frame is offered (on the source's thread; keep handlers to a signal).</summary>
    event Action? FrameArrived;

    /// <summary>Ingest health now.</summary>
    FrameSourceHealth Health { get; }

    /// <summary>
    /// The scene is still (true) or moved (false): a source that can decodes key frames only meanwhile. Called by the
    /// inference loop only when the wish changes; sources that cannot (files, fakes) ignore it.
    /// </summary>
    void DecodeKeyFramesOnly(bool on) { }
}

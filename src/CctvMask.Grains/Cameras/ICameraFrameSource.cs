using System.Threading.Channels;
using CctvMask.Video.Frames;

namespace CctvMask.Grains.Cameras;

/// <summary>
/// A running camera stream as the worker sees it: a bounded drop-oldest channel of decoded frames
/// (the consumer disposes each frame) plus ingest health. Video's supervised ffmpeg ingest is
/// adapted to this in <see cref="VideoFrameSourceFactory"/>; tests use fakes.
/// </summary>
public interface ICameraFrameSource : IAsyncDisposable
{
    /// <summary>Decoded frames; completes when the source ends (finite file) or is disposed.</summary>
    ChannelReader<PooledFrame> Frames { get; }

    /// <summary>Ingest health now.</summary>
    FrameSourceHealth Health { get; }
}

using System.Threading.Channels;
using CctvMask.Video.Frames;
using CctvMask.Video.Ingest;
using CctvMask.Video.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using IngestState = CctvMask.Video.Ingest.CameraState;

namespace CctvMask.Grains.Cameras;

/// <summary>
/// Opens cameras with Video's supervised ffmpeg ingest (<see cref="CameraIngest"/>), which counts frames decoded,
/// frames dropped and restarts per camera on the silo's <see cref="IngestMetrics"/>.
/// </summary>
public sealed class VideoFrameSourceFactory(IOptions<IngestOptions> options, ILoggerFactory loggerFactory, TimeProvider time, IngestMetrics metrics)
    : ICameraFrameSourceFactory
{
    /// <summary>The ingest source description of a camera configuration.</summary>
    public static CameraSource ToSource(CameraConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.AnalysisWidth < 0 || config.AnalysisHeight < 0 || (config.AnalysisWidth == 0 && config.AnalysisHeight > 0))
            throw new ArgumentException($"Camera '{config.CameraId}': analysis size {config.AnalysisWidth}x{config.AnalysisHeight} is invalid.", nameof(config));
        var size = config.AnalysisWidth == 0 ? AnalysisSize.Native
            : config.AnalysisHeight == 0 ? AnalysisSize.FromWidth(config.AnalysisWidth)
            : AnalysisSize.Exact(config.AnalysisWidth, config.AnalysisHeight);
        return new CameraSource(config.CameraId, config.Url) { DetectFps = config.DetectFps, AnalysisSize = size };
    }

    /// <inheritdoc />
    public ICameraFrameSource Open(CameraConfig config)
    {
        var ingest = new CameraIngest(ToSource(config), options.Value, loggerFactory.CreateLogger<CameraIngest>(), time, metrics);
        ingest.Start();
        return new IngestFrameSource(ingest);
    }

    private sealed class IngestFrameSource(CameraIngest ingest) : ICameraFrameSource
    {
        public ChannelReader<PooledFrame> Frames => ingest.Frames;

        public event Action? FrameArrived
        {
            add => ingest.FrameArrived += value;
            remove => ingest.FrameArrived -= value;
        }

        public FrameSourceHealth Health
        {
            get
            {
                var s = ingest.Status;
                return new FrameSourceHealth(ToCameraState(s.State), s.FramesIn, s.FramesDropped, s.Restarts,
                    s.State == IngestState.Streaming ? null : s.Reason);
            }
        }

        public void DecodeKeyFramesOnly(bool on) => ingest.DecodeKeyFramesOnly(on);

        public ValueTask DisposeAsync() => ingest.DisposeAsync();
    }

    /// <summary>The one mapping from ingest states to camera states.</summary>
    public static CameraState ToCameraState(IngestState state) => state switch
    {
        IngestState.Connecting => CameraState.Starting,
        IngestState.Streaming => CameraState.Running,
        IngestState.Stalled or IngestState.Backoff => CameraState.Reconnecting,
        IngestState.Error => CameraState.Failed,
        _ => CameraState.Stopped,
    };
}

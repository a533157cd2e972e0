using Microsoft.Extensions.Logging;

namespace CctvMask.Video.Ingest;

/// <summary>Structured logs of the per-camera ingest supervisor (EventIds 1100–1199; decode mode 1900–1999). Text arguments are scrubbed by the caller.</summary>
internal static partial class IngestLog
{
    [LoggerMessage(EventId = 1100, EventName = "IngestStarting", Level = LogLevel.Information,
        Message = "Camera {CameraId}: ingest starting for {Url} (detect fps {DetectFps}, size {AnalysisSize})")]
    public static partial void Starting(ILogger logger, string cameraId, string url, string detectFps, string analysisSize);

    [LoggerMessage(EventId = 1101, EventName = "IngestStreaming", Level = LogLevel.Information,
        Message = "Camera {CameraId}: streaming {Width}x{Height} (restarts so far {Restarts})")]
    public static partial void Streaming(ILogger logger, string cameraId, int width, int height, int restarts);

    [LoggerMessage(EventId = 1102, EventName = "IngestRestart", Level = LogLevel.Warning,
        Message = "Camera {CameraId}: restarting ffmpeg: {Reason}")]
    public static partial void Restarting(ILogger logger, string cameraId, string reason);

    [LoggerMessage(EventId = 1103, EventName = "IngestBackoff", Level = LogLevel.Warning,
        Message = "Camera {CameraId}: reconnect attempt {Attempt} in {Delay} after: {Reason}")]
    public static partial void Backoff(ILogger logger, string cameraId, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(EventId = 1104, EventName = "IngestBudgetExhausted", Level = LogLevel.Warning,
        Message = "Camera {CameraId}: {Restarts} restarts within {Window}; cooling down {Cooldown} before reconnecting")]
    public static partial void BudgetExhausted(ILogger logger, string cameraId, int restarts, TimeSpan window, TimeSpan cooldown);

    [LoggerMessage(EventId = 1105, EventName = "IngestSessionFailed", Level = LogLevel.Warning,
        Message = "Camera {CameraId}: could not start: {Reason}")]
    public static partial void SessionFailed(ILogger logger, string cameraId, string reason);

    [LoggerMessage(EventId = 1106, EventName = "IngestCompleted", Level = LogLevel.Information,
        Message = "Camera {CameraId}: source ended ({Reason}) after {Frames} frames")]
    public static partial void Completed(ILogger logger, string cameraId, string reason, long frames);

    [LoggerMessage(EventId = 1107, EventName = "IngestStopped", Level = LogLevel.Information,
        Message = "Camera {CameraId}: ingest stopped ({Frames} frames in, {Dropped} dropped, {Restarts} restarts)")]
    public static partial void Stopped(ILogger logger, string cameraId, long frames, long dropped, int restarts);

    [LoggerMessage(EventId = 1108, EventName = "IngestFailed", Level = LogLevel.Error,
        Message = "Camera {CameraId}: ingest supervisor failed: {Reason}")]
    public static partial void Failed(ILogger logger, string cameraId, string reason, Exception exception);

    [LoggerMessage(EventId = 1109, EventName = "IngestStateHandlerFailed", Level = LogLevel.Warning,
        Message = "Camera {CameraId}: a StateChanged handler threw")]
    public static partial void HandlerFailed(ILogger logger, string cameraId, Exception exception);

    [LoggerMessage(EventId = 1110, EventName = "IngestFramesOverdue", Level = LogLevel.Warning,
        Message = "Camera {CameraId}: {Detail}")]
    public static partial void FramesOverdue(ILogger logger, string cameraId, string detail);

    [LoggerMessage(EventId = 1900, EventName = "IngestDecodeMode", Level = LogLevel.Information,
        Message = "Camera {CameraId}: decoding {Mode} from now")]
    public static partial void DecodeMode(ILogger logger, string cameraId, string mode);

    [LoggerMessage(EventId = 1901, EventName = "IngestKeyFramesRefused", Level = LogLevel.Warning,
        Message = "Camera {CameraId}: key frames came too seldom ({Detail}); decoding every frame from now on")]
    public static partial void KeyFramesRefused(ILogger logger, string cameraId, string detail);
}

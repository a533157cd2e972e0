using Microsoft.Extensions.Logging;

namespace CctvMask.Video.Ffmpeg;

/// <summary>Structured logs of the ffmpeg/ffprobe processes (EventIds 1000–1099). Every line names the camera; text is scrubbed by the caller.</summary>
internal static partial class FfmpegLog
{
    [LoggerMessage(EventId = 1000, EventName = "FfmpegStarted", Level = LogLevel.Debug,
        Message = "Camera {CameraId}: ffmpeg pid {ProcessId} started for {Url} → {Width}x{Height} bgr24")]
    public static partial void Started(ILogger logger, string cameraId, int processId, string url, int width, int height);

    [LoggerMessage(EventId = 1001, EventName = "FfmpegStderr", Level = LogLevel.Warning,
        Message = "Camera {CameraId}: ffmpeg: {Line}")]
    public static partial void StderrLine(ILogger logger, string cameraId, string line);

    [LoggerMessage(EventId = 1002, EventName = "FfmpegStderrSuppressed", Level = LogLevel.Information,
        Message = "Camera {CameraId}: {Count} ffmpeg stderr lines not logged live (rate limit); see the tail logged when it exits")]
    public static partial void StderrSuppressed(ILogger logger, string cameraId, int count);

    [LoggerMessage(EventId = 1003, EventName = "FfmpegExited", Level = LogLevel.Warning,
        Message = "Camera {CameraId}: ffmpeg ended ({Reason}); last stderr lines:\n{Tail}")]
    public static partial void ExitedWithTail(ILogger logger, string cameraId, string reason, string tail);

    [LoggerMessage(EventId = 1004, EventName = "FfmpegKillFailed", Level = LogLevel.Warning,
        Message = "Camera {CameraId}: could not kill ffmpeg pid {ProcessId}")]
    public static partial void KillFailed(ILogger logger, string cameraId, int processId, Exception exception);

    [LoggerMessage(EventId = 1005, EventName = "FfmpegNotExited", Level = LogLevel.Error,
        Message = "Camera {CameraId}: ffmpeg pid {ProcessId} did not exit within {Timeout} after kill")]
    public static partial void NotExited(ILogger logger, string cameraId, int processId, TimeSpan timeout);

    [LoggerMessage(EventId = 1006, EventName = "FfprobeResult", Level = LogLevel.Debug,
        Message = "Camera {CameraId}: ffprobe found {Width}x{Height} for {Url}")]
    public static partial void Probed(ILogger logger, string cameraId, int width, int height, string url);

    [LoggerMessage(EventId = 1007, EventName = "TruncatedFrame", Level = LogLevel.Debug,
        Message = "Camera {CameraId}: stream ended inside a frame ({Bytes} of {FrameBytes} bytes)")]
    public static partial void TruncatedFrame(ILogger logger, string cameraId, int bytes, int frameBytes);
}

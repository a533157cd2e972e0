using Microsoft.Extensions.Logging;

namespace CctvMask.Grains.Cameras;

/// <summary>Log messages of camera grains and workers (EventIds 3000–3099); every line names the camera.</summary>
internal static partial class CameraLog
{
    [LoggerMessage(3000, LogLevel.Information, "Camera {CameraId}: starting worker ({Config})")]
    public static partial void Starting(ILogger logger, string cameraId, CameraConfig config);

    [LoggerMessage(3001, LogLevel.Information, "Camera {CameraId}: stopped ({FramesAnalyzed} frames analysed, {Violations} violations)")]
    public static partial void Stopped(ILogger logger, string cameraId, long framesAnalyzed, long violations);

    [LoggerMessage(3002, LogLevel.Information, "Camera {CameraId}: configuration changed, restarting worker")]
    public static partial void Restarting(ILogger logger, string cameraId);

    [LoggerMessage(3003, LogLevel.Error, "Camera {CameraId}: worker failed")]
    public static partial void WorkerFailed(ILogger logger, string cameraId, Exception exception);

    [LoggerMessage(3004, LogLevel.Warning, "Camera {CameraId}: inference failed for a frame")]
    public static partial void InferenceFailed(ILogger logger, string cameraId, Exception exception);

    [LoggerMessage(3005, LogLevel.Warning, "Camera {CameraId}: the store refused a {Kind} (queue full?)")]
    public static partial void SinkRefused(ILogger logger, string cameraId, string kind);

    [LoggerMessage(3006, LogLevel.Information, "Camera {CameraId}: violation, track {TrackId}, confidence {Confidence:F2}")]
    public static partial void Violation(ILogger logger, string cameraId, long trackId, float confidence);

    [LoggerMessage(3007, LogLevel.Debug, "Camera {CameraId}: minute {BucketStart:u} closed: {People} people, {Masked} masked, {Unmasked} unmasked, {Unknown} unknown")]
    public static partial void BucketClosed(ILogger logger, string cameraId, DateTimeOffset bucketStart, int people, int masked, int unmasked, int unknown);

    [LoggerMessage(3008, LogLevel.Warning, "Camera {CameraId}: worker did not stop within {Seconds} s; abandoned")]
    public static partial void StopTimedOut(ILogger logger, string cameraId, int seconds);

    [LoggerMessage(3009, LogLevel.Warning, "Camera {CameraId}: restarting failed worker")]
    public static partial void RestartingFailed(ILogger logger, string cameraId);

    [LoggerMessage(3010, LogLevel.Warning, "Camera {CameraId}: could not encode an annotated frame")]
    public static partial void AnnotateFailed(ILogger logger, string cameraId, Exception exception);

    [LoggerMessage(3011, LogLevel.Warning, "Camera {CameraId}: could not draw the {Image} of the violation of track {TrackId}; it is stored without it")]
    public static partial void EvidenceFailed(ILogger logger, string cameraId, string image, long trackId, Exception exception);
}

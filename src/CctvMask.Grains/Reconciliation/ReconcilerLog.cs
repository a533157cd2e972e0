using Microsoft.Extensions.Logging;

namespace CctvMask.Grains.Reconciliation;

/// <summary>Log messages of the camera reconciler (EventIds 3200–3299).</summary>
internal static partial class ReconcilerLog
{
    [LoggerMessage(3200, LogLevel.Warning, "Camera {CameraId}: reconciler could not apply the configuration")]
    public static partial void EnsureFailed(ILogger logger, string cameraId, Exception exception);

    [LoggerMessage(3201, LogLevel.Information, "Camera {CameraId}: no longer enabled, stopping it")]
    public static partial void Stopping(ILogger logger, string cameraId);

    [LoggerMessage(3202, LogLevel.Warning, "Camera {CameraId}: reconciler could not stop it")]
    public static partial void StopFailed(ILogger logger, string cameraId, Exception exception);

    [LoggerMessage(3203, LogLevel.Warning, "Camera reconciliation pass failed (catalog unavailable?)")]
    public static partial void PassFailed(ILogger logger, Exception exception);

    [LoggerMessage(3204, LogLevel.Debug, "Camera reconciliation: {Enabled} enabled cameras ensured, {Stopped} stopped")]
    public static partial void PassDone(ILogger logger, int enabled, int stopped);
}

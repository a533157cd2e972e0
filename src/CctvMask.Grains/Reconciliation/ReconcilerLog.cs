using Microsoft.Extensions.Logging;

namespace CctvMask.Grains.Reconciliation;

/// <summary>Log messages of the camera reconciler (EventIds 4200–4299).</summary>
internal static partial class ReconcilerLog
{
    [LoggerMessage(4200, LogLevel.Warning, "Camera {CameraId}: reconciler could not apply the configuration")]
    public static partial void EnsureFailed(ILogger logger, string cameraId, Exception exception);

    [LoggerMessage(4201, LogLevel.Information, "Camera {CameraId}: no longer enabled, stopping it")]
    public static partial void Stopping(ILogger logger, string cameraId);

    [LoggerMessage(4202, LogLevel.Warning, "Camera {CameraId}: reconciler could not stop it")]
    public static partial void StopFailed(ILogger logger, string cameraId, Exception exception);

    [LoggerMessage(4203, LogLevel.Warning, "Camera reconciliation pass failed (catalog unavailable?)")]
    public static partial void PassFailed(ILogger logger, Exception exception);

    [LoggerMessage(4204, LogLevel.Debug, "Camera reconciliation: {Enabled} enabled cameras ensured, {Stopped} stopped")]
    public static partial void PassDone(ILogger logger, int enabled, int stopped);
}

namespace CctvMask.Server.Cameras;

/// <summary>Camera API log lines (EventIds 5000–5099); every line carries the camera id, never a raw URL.</summary>
public static partial class CameraLog
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "Camera {CameraId} created: {Name} at {Url}")]
    public static partial void Created(ILogger logger, string cameraId, string name, string url);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Camera {CameraId} updated: {Name} at {Url}, enabled {Enabled}")]
    public static partial void Updated(ILogger logger, string cameraId, string name, string url, bool enabled);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Camera {CameraId} deleted")]
    public static partial void Deleted(ILogger logger, string cameraId);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Camera {CameraId}: could not reach its grain now ({Reason}); the reconciler will retry")]
    public static partial void ControlFailed(ILogger logger, string cameraId, string reason);

    [LoggerMessage(EventId = 5501, EventName = "CameraPrivacyChanged", Level = LogLevel.Information,
        Message = "Camera {CameraId}: privacy mode {From} -> {To}; purged {Violations} violations, {Snapshots} snapshots, {FaceCrops} face crops")]
    public static partial void PrivacyChanged(ILogger logger, string cameraId, string from, string to, int violations, int snapshots, int faceCrops);
}

namespace CctvMask.Storage.Cameras;

/// <summary>Thrown when a camera is created with an id that already exists (HTTP 409).</summary>
public sealed class DuplicateCameraException(string cameraId)
    : InvalidOperationException($"A camera with id '{cameraId}' already exists.")
{
    /// <summary>The id that is taken.</summary>
    public string CameraId { get; } = cameraId;
}

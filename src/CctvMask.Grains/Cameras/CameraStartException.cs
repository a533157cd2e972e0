namespace CctvMask.Grains.Cameras;

/// <summary>
/// A camera could not start (e.g. a model file is missing or corrupt). Crosses the grain boundary
/// in place of the original exception, whose type the Orleans serializer may not know; the message
/// names the camera and carries the original type and message.
/// </summary>
[GenerateSerializer, Alias("CctvMask.CameraStartException")]
public sealed class CameraStartException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CameraStartException(string message) : base(message)
    {
    }

    /// <summary>Wraps a start failure of a camera.</summary>
    public static CameraStartException From(string cameraId, Exception cause) =>
        new($"Camera '{cameraId}' could not start: {cause.GetType().Name}: {cause.Message}");
}

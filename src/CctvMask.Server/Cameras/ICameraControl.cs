using CctvMask.Grains.Cameras;
using CctvMask.Storage.Cameras;

namespace CctvMask.Server.Cameras;

/// <summary>The live side of a camera: its grain (start/update/stop, status, latest annotated frame).</summary>
public interface ICameraControl
{
    /// <summary>Starts or reconfigures the camera's pipeline (stops it when the camera is disabled).</summary>
    Task ApplyAsync(CameraRecord camera, CancellationToken cancellationToken);

    Task StopAsync(string id, CancellationToken cancellationToken);

    Task<CameraStatus> GetStatusAsync(string id, CancellationToken cancellationToken);

    /// <summary>The latest annotated frame as JPEG, or null when the camera has produced none yet.</summary>
    Task<byte[]?> GetLatestFrameAsync(string id, CancellationToken cancellationToken);
}

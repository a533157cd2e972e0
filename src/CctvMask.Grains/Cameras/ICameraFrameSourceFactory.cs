namespace CctvMask.Grains.Cameras;

/// <summary>Opens the frame source of a camera (one per worker run).</summary>
public interface ICameraFrameSourceFactory
{
    /// <summary>Starts ingest for the camera; throws <see cref="ArgumentException"/> for an invalid configuration.</summary>
    ICameraFrameSource Open(CameraConfig config);
}

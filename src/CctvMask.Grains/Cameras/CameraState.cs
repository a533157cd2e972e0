namespace CctvMask.Grains.Cameras;

/// <summary>Lifecycle state of a camera as its grain reports it.</summary>
[GenerateSerializer, Alias("CctvMask.CameraState")]
public enum CameraState
{
    /// <summary>Not running (never started, disabled or stopped).</summary>
    Stopped = 0,

    /// <summary>Worker started, waiting for the first frame.</summary>
    Starting = 1,

    /// <summary>Frames are flowing and being analysed.</summary>
    Running = 2,

    /// <summary>The stream dropped; ingest is reconnecting with backoff.</summary>
    Reconnecting = 3,

    /// <summary>The worker stopped on an error it cannot recover from (see LastError); the grain retries.</summary>
    Failed = 4,
}

using Orleans.Concurrency;

namespace CctvMask.Grains.Cameras;

/// <summary>
/// One camera (key = camera id): lifecycle, configuration and status. The frame pipeline runs in
/// a silo-local <see cref="CameraWorker"/> the grain starts and stops.
/// </summary>
[Alias("CctvMask.ICameraGrain")]
public interface ICameraGrain : IGrainWithStringKey
{
    /// <summary>
    /// Idempotent: starts the camera when it is not running, restarts it when the configuration
    /// changed, stops it when <see cref="CameraConfig.Enabled"/> is false, else does nothing.
    /// Throws <see cref="ArgumentException"/> for an invalid configuration or a mismatched id.
    /// </summary>
    [Alias("EnsureRunning")]
    Task EnsureRunningAsync(CameraConfig config);

    /// <summary>Starts (or restarts with a new configuration); same as <see cref="EnsureRunningAsync"/>.</summary>
    [Alias("Start")]
    Task StartAsync(CameraConfig config);

    /// <summary>Applies a new configuration (restarts the pipeline if it changed); same as <see cref="EnsureRunningAsync"/>.</summary>
    [Alias("UpdateConfig")]
    Task UpdateConfigAsync(CameraConfig config);

    /// <summary>Stops the camera (flushes its counters); idempotent.</summary>
    [Alias("Stop")]
    Task StopAsync();

    /// <summary>The latest status snapshot.</summary>
    [Alias("GetStatus")]
    Task<CameraStatus> GetStatusAsync();

    /// <summary>The configuration last applied (null when never configured in this activation).</summary>
    [Alias("GetConfig")]
    Task<CameraConfig?> GetConfigAsync();

    /// <summary>
    /// The live view's annotated JPEG (null when none). Renews the viewer lease (frames are made only while someone
    /// watches); the first call after idle waits for the next frame (bounded), hence interleaved with the grain's other
    /// calls (it only reads the worker). Prefer <see cref="CameraWorkerRegistry"/> on the silo named in
    /// <see cref="CameraStatus.Silo"/>: this call copies the JPEG across the wire.
    /// </summary>
    [Alias("GetLiveFrame"), AlwaysInterleave]
    Task<LiveFrame?> GetLiveFrameAsync();
}

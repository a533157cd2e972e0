using System.Collections.Concurrent;

namespace CctvMask.Grains.Cameras;

/// <summary>
/// Silo-local directory of running camera workers (singleton). The HTTP layer asks it for a
/// camera's latest annotated frame without going through the grain, so frames never cross a grain
/// boundary; the reconciler asks it which cameras run here.
/// </summary>
public sealed class CameraWorkerRegistry
{
    private readonly ConcurrentDictionary<string, CameraWorker> _workers = new(StringComparer.Ordinal);

    /// <summary>Camera ids with a worker on this silo.</summary>
    public IReadOnlyCollection<string> CameraIds => (IReadOnlyCollection<string>)_workers.Keys;

    /// <summary>
    /// When the camera runs on this silo: true, with its live frame to await (<see cref="CameraWorker.GetLiveFrameAsync"/>:
    /// renews the viewer lease; null when it has none). False when it does not run here.
    /// </summary>
    public bool TryRequestLiveFrame(string cameraId, CancellationToken cancellationToken, out Task<LiveFrame?> frame)
    {
        if (_workers.TryGetValue(cameraId, out var worker))
        {
            frame = worker.GetLiveFrameAsync(cancellationToken);
            return true;
        }
        frame = Task.FromResult<LiveFrame?>(null);
        return false;
    }

    /// <summary>The worker's status when the camera runs on this silo.</summary>
    public bool TryGetStatus(string cameraId, out CameraStatus status)
    {
        if (_workers.TryGetValue(cameraId, out var worker))
        {
            status = worker.GetStatus();
            return true;
        }
        status = null!;
        return false;
    }

    internal void Register(CameraWorker worker) => _workers[worker.CameraId] = worker;

    internal void Unregister(CameraWorker worker) =>
        _workers.TryRemove(new KeyValuePair<string, CameraWorker>(worker.CameraId, worker));
}

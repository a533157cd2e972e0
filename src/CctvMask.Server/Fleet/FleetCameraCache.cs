using CctvMask.Storage.Cameras;

namespace CctvMask.Server.Fleet;

/// <summary>
/// The camera list as last read from the database, so /api/fleet can still answer with the
/// grains' live status while the database is down (compliance figures are then left out).
/// </summary>
public sealed class FleetCameraCache
{
    private IReadOnlyList<CameraRecord>? _cameras;

    public IReadOnlyList<CameraRecord>? Cameras => Volatile.Read(ref _cameras);

    public void Remember(IReadOnlyList<CameraRecord> cameras) => Volatile.Write(ref _cameras, cameras);
}

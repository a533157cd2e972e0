using CctvMask.Grains.Cameras;
using CctvMask.Grains.Reconciliation;
using CctvMask.Storage.Cameras;

namespace CctvMask.Server.Cameras;

/// <summary>The reconciler's view of the database: every enabled camera as a grain configuration.</summary>
public sealed class StorageCameraCatalog(CameraRepository cameras) : ICameraCatalog
{
    public async Task<IReadOnlyList<CameraConfig>> ListEnabledAsync(CancellationToken cancellationToken)
    {
        var enabled = await cameras.ListAsync(enabledOnly: true, cancellationToken);
        return enabled.Select(CameraConfigMapper.ToConfig).ToArray();
    }
}

using CctvMask.Grains.Cameras;
using CctvMask.Grains.Reconciliation;
using CctvMask.Storage.Cameras;

namespace CctvMask.Server.Hosting;

/// <summary>The reconciler's view of the database: enabled cameras as grain configurations.</summary>
internal sealed class RepositoryCameraCatalog(CameraRepository repository) : ICameraCatalog
{
    public async Task<IReadOnlyList<CameraConfig>> ListEnabledAsync(CancellationToken cancellationToken)
    {
        var cameras = await repository.ListAsync(enabledOnly: true, cancellationToken).ConfigureAwait(false);
        var configs = new List<CameraConfig>(cameras.Count);
        foreach (var camera in cameras) configs.Add(StorageBridge.ToConfig(camera));
        return configs;
    }
}

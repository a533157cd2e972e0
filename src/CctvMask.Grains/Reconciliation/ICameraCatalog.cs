using CctvMask.Grains.Cameras;

namespace CctvMask.Grains.Reconciliation;

/// <summary>The cameras the database says should run (the Server implements this over Storage).</summary>
public interface ICameraCatalog
{
    /// <summary>Every enabled camera with its current configuration.</summary>
    Task<IReadOnlyList<CameraConfig>> ListEnabledAsync(CancellationToken cancellationToken);
}

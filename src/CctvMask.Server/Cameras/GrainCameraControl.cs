using CctvMask.Grains.Cameras;
using CctvMask.Storage.Cameras;

namespace CctvMask.Server.Cameras;

/// <summary>
/// <see cref="ICameraControl"/> over the camera grains. The live frame is read from the local
/// worker registry when the camera runs on this silo, else fetched through the grain.
/// </summary>
public sealed class GrainCameraControl(IGrainFactory grains, CameraWorkerRegistry workers) : ICameraControl
{
    public Task ApplyAsync(CameraRecord camera, CancellationToken cancellationToken) =>
        grains.GetGrain<ICameraGrain>(camera.Id).EnsureRunningAsync(CameraConfigMapper.ToConfig(camera));

    public Task StopAsync(string id, CancellationToken cancellationToken) =>
        grains.GetGrain<ICameraGrain>(id).StopAsync();

    public Task<CameraStatus> GetStatusAsync(string id, CancellationToken cancellationToken) =>
        grains.GetGrain<ICameraGrain>(id).GetStatusAsync();

    public async Task<byte[]?> GetLatestFrameAsync(string id, CancellationToken cancellationToken)
    {
        if (workers.TryGetLiveFrame(id, out var local)) return local.Jpeg;
        var remote = await grains.GetGrain<ICameraGrain>(id).GetLiveFrameAsync();
        return remote?.Jpeg;
    }
}

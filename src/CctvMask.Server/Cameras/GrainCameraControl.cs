using CctvMask.Grains.Cameras;
using CctvMask.Server.Hosting;
using CctvMask.Storage.Cameras;

namespace CctvMask.Server.Cameras;

/// <summary>
/// <see cref="ICameraControl"/> over the camera grains. The live frame is read from the local
/// worker registry when the camera runs on this silo, else fetched through the grain.
/// </summary>
public sealed class GrainCameraControl(IGrainFactory grains, CameraWorkerRegistry workers, TimeProvider clock) : ICameraControl
{
    public Task ApplyAsync(CameraRecord camera, CancellationToken cancellationToken) =>
        grains.GetGrain<ICameraGrain>(camera.Id).EnsureRunningAsync(StorageBridge.ToConfig(camera));

    public Task StopAsync(string id, CancellationToken cancellationToken) =>
        grains.GetGrain<ICameraGrain>(id).StopAsync();

    public async Task<CameraStatus> GetStatusAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            return await grains.GetGrain<ICameraGrain>(id).GetStatusAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The grain could not activate (e.g. models missing): report it as a stopped camera with the reason.
            return CameraStatus.Stopped(id, clock.GetUtcNow(), CameraUrl.RedactText($"Camera runtime unavailable: {ex.GetBaseException().Message}"));
        }
    }

    public async Task<byte[]?> GetLatestFrameAsync(string id, CancellationToken cancellationToken)
    {
        if (workers.TryRequestLiveFrame(id, cancellationToken, out var local)) return (await local)?.Jpeg;
        try
        {
            var remote = await grains.GetGrain<ICameraGrain>(id).GetLiveFrameAsync();
            return remote?.Jpeg;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return null;
        }
    }
}

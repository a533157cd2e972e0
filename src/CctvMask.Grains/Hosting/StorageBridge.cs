using CctvMask.Grains.Cameras;
using CctvMask.Grains.Compliance;
using CctvMask.Grains.Reconciliation;
using CctvMask.Grains.Violations;
using CctvMask.Grains.Zones;
using CctvMask.Storage.Cameras;
using CctvMask.Storage.Violations;
using CctvMask.Storage.WriteBehind;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StorageDelta = CctvMask.Storage.Compliance.ComplianceDelta;

namespace CctvMask.Grains.Hosting;

/// <summary>
/// The thin seam to Storage: the camera catalog over <see cref="CameraRepository"/> and the
/// event sinks over the write-behind <see cref="IStorageWriter"/>. Call after <c>AddCctvStorage</c>.
/// </summary>
public static class StorageBridge
{
    /// <summary>Registers <see cref="ICameraCatalog"/>, <see cref="IComplianceSink"/> and <see cref="IViolationSink"/> over Storage.</summary>
    public static IServiceCollection AddCctvGrainsStorage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ICameraCatalog, RepositoryCameraCatalog>();
        services.TryAddSingleton<StorageEventSink>();
        services.TryAddSingleton<IComplianceSink>(sp => sp.GetRequiredService<StorageEventSink>());
        services.TryAddSingleton<IViolationSink>(sp => sp.GetRequiredService<StorageEventSink>());
        return services;
    }

    /// <summary>The grain-side configuration of a stored camera.</summary>
    public static CameraConfig ToConfig(CameraRecord camera)
    {
        ArgumentNullException.ThrowIfNull(camera);
        return new CameraConfig(camera.Id, camera.Url, camera.Enabled, camera.DetectFps,
            Math.Max(0, camera.AnalysisWidth), Math.Max(0, camera.AnalysisHeight), Zones: ToZones(camera.Zones));
    }

    private static ZoneSet? ToZones(IReadOnlyList<CameraZone>? zones)
    {
        if (zones is null || zones.Count == 0) return null;
        var polygons = new ZonePolygon[zones.Count];
        for (int z = 0; z < zones.Count; z++)
        {
            var points = new float[zones[z].Points.Count * 2];
            for (int i = 0; i < zones[z].Points.Count; i++)
            {
                points[2 * i] = zones[z].Points[i].X;
                points[2 * i + 1] = zones[z].Points[i].Y;
            }
            polygons[z] = new ZonePolygon(zones[z].Name, points);
        }
        return new ZoneSet(polygons);
    }

    /// <summary>Enabled cameras from the repository.</summary>
    private sealed class RepositoryCameraCatalog(CameraRepository repository) : ICameraCatalog
    {
        public async Task<IReadOnlyList<CameraConfig>> ListEnabledAsync(CancellationToken cancellationToken)
        {
            var cameras = await repository.ListAsync(enabledOnly: true, cancellationToken).ConfigureAwait(false);
            var configs = new List<CameraConfig>(cameras.Count);
            foreach (var camera in cameras) configs.Add(ToConfig(camera));
            return configs;
        }
    }

    /// <summary>Maps pipeline events to storage records and queues them (never blocks).</summary>
    private sealed class StorageEventSink(IStorageWriter writer) : IComplianceSink, IViolationSink
    {
        public bool TryWrite(ComplianceDelta delta) => writer.Enqueue(ToStorage(delta));

        public bool TryWriteProvisional(ComplianceDelta delta) => writer.EnqueueProvisional(ToStorage(delta));

        private static StorageDelta ToStorage(ComplianceDelta d) =>
            new(d.EventId, d.CameraId, d.BucketStart, d.People, d.Masked, d.Unmasked, d.Unknown);

        public bool TryWrite(ViolationEvent v)
        {
            var box = new FaceBox((int)MathF.Round(v.FaceBox.X), (int)MathF.Round(v.FaceBox.Y),
                Math.Max(1, (int)MathF.Round(v.FaceBox.Width)), Math.Max(1, (int)MathF.Round(v.FaceBox.Height)));
            return writer.TryEnqueue(new ViolationRecord(v.Id, v.CameraId, v.OccurredAt, v.TrackId, v.Confidence, box, v.FaceJpeg, v.SnapshotJpeg));
        }
    }
}

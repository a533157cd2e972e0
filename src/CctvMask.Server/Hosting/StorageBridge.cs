using CctvMask.Grains.Cameras;
using CctvMask.Grains.Compliance;
using CctvMask.Grains.Reconciliation;
using CctvMask.Grains.Violations;
using CctvMask.Grains.Zones;
using CctvMask.Storage.Cameras;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CctvMask.Server.Hosting;

/// <summary>
/// The seam between the grains and Storage, kept in the host that wires the two so Grains need not
/// reference Storage: the camera catalog over <see cref="CameraRepository"/>, the event sinks over the
/// write-behind store, and the mapping of a stored camera to its grain configuration.
/// Call after <c>AddCctvStorage</c>.
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

    /// <summary>
    /// The grain-side configuration of a stored camera. The stored small-face size is kept while the
    /// pass is off (the editor shows it again when the pass is turned back on); the grains see 0 then.
    /// </summary>
    public static CameraConfig ToConfig(CameraRecord camera)
    {
        ArgumentNullException.ThrowIfNull(camera);
        return new CameraConfig(camera.Id, camera.Url, camera.Enabled, camera.DetectFps,
            Math.Max(0, camera.AnalysisWidth), Math.Max(0, camera.AnalysisHeight),
            MotionGating: camera.MotionGating,
            SmallFaceLongSide: camera.SmallFacePass ? camera.SmallFaceLongSide : 0,
            Zones: ToZones(camera.Zones),
            Privacy: camera.Privacy);
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
}

using System.Diagnostics.Metrics;
using CctvMask.Grains.Cameras;
using CctvMask.Grains.Inference;
using CctvMask.Grains.Reconciliation;
using CctvMask.Grains.Tracking;
using CctvMask.Grains.Violations;
using CctvMask.Video.Ingest;
using CctvMask.Vision.Detection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CctvMask.Grains.Hosting;

/// <summary>
/// Registers the camera grains' silo services: options (validated at start), the per-silo
/// inference loop over the two-phase detector, camera worker factory and registry, Video
/// ingest, and the camera reconciler. The host adds the storage side: an
/// <see cref="ICameraCatalog"/>, an <see cref="Compliance.IComplianceSink"/> and an
/// <see cref="IViolationSink"/> (the server implements them over Storage, in its <c>Hosting/StorageBridge</c>).
/// </summary>
public static class CctvGrainsExtensions
{
    /// <summary>Adds the camera grains' services to a silo.</summary>
    public static ISiloBuilder AddCctvGrains(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddCctvGrains();
        return silo;
    }

    /// <summary>Adds the camera grains' services (options bound from configuration sections <c>Cctv:*</c>, <c>Ingest</c>, <c>Vision:Detector</c>).</summary>
    public static IServiceCollection AddCctvGrains(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<InferenceLoopOptions>().BindConfiguration(InferenceLoopOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InferenceLoopOptions>, InferenceLoopOptionsValidator>());
        services.AddOptions<TrackerOptions>().BindConfiguration(TrackerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ViolationOptions>().BindConfiguration(ViolationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CameraOptions>().BindConfiguration(CameraOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ReconcilerOptions>().BindConfiguration(ReconcilerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        // The silo's defaults for the detector, before configuration binds over them: the camera pipelines vote on
        // labels only, so a probability for faces too small to label would cost a crop per tiny face for nothing.
        // One intra-op thread per session: the lanes (one per processor) already fill the cores, and each lane's
        // sessions asking for a thread per core oversubscribe them (24 cameras on 2 cores, paired runs: 54.7 and
        // 54.9 frames/s with 1 thread against 45.2 and 52.0 with one per core).
        services.AddOptions<TwoPhaseDetectorOptions>().Configure(o =>
        {
            o.ScoreTinyFaces = false;
            o.IntraOpThreads = 1;
        }).BindConfiguration(DetectorSectionName);

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<InferenceMetrics>();
        services.TryAddSingleton(sp => new IngestMetrics(sp.GetRequiredService<IMeterFactory>()));
        services.TryAddSingleton<InferenceLanes>();
        services.TryAddSingleton<CameraWorkerRegistry>();
        services.TryAddSingleton<CameraMetrics>();
        services.TryAddSingleton<EvidenceWorker>();
        services.TryAddSingleton<CameraWorkerFactory>();
        services.TryAddSingleton<ICameraFrameSourceFactory, VideoFrameSourceFactory>();
        services.TryAddSingleton<DetectorLoader>();
        services.TryAddSingleton<IFaceModelsFactory, TwoPhaseFaceModelsFactory>();
        services.AddHostedService<CameraReconciler>();
        return services;
    }

    /// <summary>Configuration section of the two-phase detector options.</summary>
    public const string DetectorSectionName = "Vision:Detector";
}

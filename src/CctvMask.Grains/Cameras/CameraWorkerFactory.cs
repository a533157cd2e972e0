using CctvMask.Grains.Compliance;
using CctvMask.Grains.Inference;
using CctvMask.Grains.Tracking;
using CctvMask.Grains.Violations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CctvMask.Grains.Cameras;

/// <summary>Builds camera workers from the silo's shared services (singleton).</summary>
public sealed class CameraWorkerFactory(
    ICameraFrameSourceFactory sources,
    InferenceLanes lanes,
    IComplianceSink complianceSink,
    IViolationSink violationSink,
    IOptions<TrackerOptions> trackerOptions,
    IOptions<ViolationOptions> violationOptions,
    IOptions<CameraOptions> cameraOptions,
    TimeProvider time,
    ILoggerFactory loggerFactory,
    CameraMetrics metrics,
    EvidenceWorker evidence)
{
    /// <summary>A new, not yet started worker for the configuration.</summary>
    public CameraWorker Create(CameraConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var logger = loggerFactory.CreateLogger<CameraWorker>();
        var pipeline = new CameraPipeline(config.CameraId, config.Zones, config.Privacy, trackerOptions.Value, violationOptions.Value, cameraOptions.Value,
            complianceSink, violationSink, logger, metrics, evidence);
        return new CameraWorker(config, sources, lanes.Assign(), pipeline, cameraOptions.Value, time, logger);
    }
}

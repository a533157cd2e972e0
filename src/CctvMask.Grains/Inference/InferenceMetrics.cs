using System.Diagnostics.Metrics;

namespace CctvMask.Grains.Inference;

/// <summary>Instruments of the inference loop (Meter <c>CctvMask.Inference</c>), one per silo.</summary>
public sealed class InferenceMetrics
{
    /// <summary>Meter name (add it to the OpenTelemetry meter list).</summary>
    public const string MeterName = "CctvMask.Inference";

    private static readonly KeyValuePair<string, object?> Detect = new("phase", "detect");
    private static readonly KeyValuePair<string, object?> Classify = new("phase", "classify");

    private readonly Histogram<double> _duration;
    private readonly Histogram<int> _batchSize;
    private readonly Histogram<int> _crops;
    private readonly Counter<long> _faces;
    private readonly Counter<long> _judged;
    private readonly Counter<long> _skipped;
    private readonly Histogram<double> _pipelineLatency;
    private readonly Counter<long> _analysed;

    /// <summary>Creates the instruments on a meter from the factory.</summary>
    public InferenceMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _duration = meter.CreateHistogram<double>("cctvmask.inference.duration", "s", "Time of one phase (tag phase = detect | classify) of one round.");
        _batchSize = meter.CreateHistogram<int>("cctvmask.inference.batch.size", "{frame}", "Frames in one round of the inference loop.");
        _crops = meter.CreateHistogram<int>("cctvmask.inference.crops", "{face}", "Face crops phase 2 classified in one round.");
        _faces = meter.CreateCounter<long>("cctvmask.inference.faces", "{face}", "Faces found by phase 1.");
        _judged = meter.CreateCounter<long>("cctvmask.inference.faces.judged", "{face}", "Faces classified by phase 2 (the trackers asked for them).");
        _skipped = meter.CreateCounter<long>("cctvmask.inference.frames.skipped", "{frame}", "Frames the motion gate kept from phase 1 (nothing moved).");
        _analysed = meter.CreateCounter<long>("cctvmask.camera.frames.analyzed", "{frame}", "Frames phase 1 ran on, per camera (motion-gated frames are counted as skipped).");
        _pipelineLatency = meter.CreateHistogram<double>("cctvmask.pipeline.latency", "s", "From frame decoded to its results recorded (tracker, counters, violations).");
    }

    internal void RecordRound(int frames, int faces, int crops, double detectSeconds, double classifySeconds)
    {
        if (frames > 0)
        {
            _batchSize.Record(frames);
            _duration.Record(detectSeconds, Detect);
        }
        _crops.Record(crops);
        if (crops > 0) _duration.Record(classifySeconds, Classify);
        if (faces > 0) _faces.Add(faces);
        if (crops > 0) _judged.Add(crops);
    }

    internal void RecordSkipped(string cameraId) =>
        _skipped.Add(1, new KeyValuePair<string, object?>("camera.id", cameraId));

    /// <summary>Counts one analysed frame and records its decoded→recorded latency.</summary>
    public void RecordAnalysed(TimeSpan latency, string cameraId)
    {
        var camera = new KeyValuePair<string, object?>("camera.id", cameraId);
        _analysed.Add(1, camera);
        _pipelineLatency.Record(Math.Max(0, latency.TotalSeconds), camera);
    }
}

using System.Diagnostics.Metrics;

namespace CctvMask.Grains.Inference;

/// <summary>Instruments of the inference pipeline (Meter <c>CctvMask.Inference</c>), one per silo.</summary>
public sealed class InferenceMetrics
{
    /// <summary>Meter name (add it to the OpenTelemetry meter list).</summary>
    public const string MeterName = "CctvMask.Inference";

    private readonly Histogram<double> _duration;
    private readonly Histogram<int> _batchSize;
    private readonly Counter<long> _faces;
    private readonly Counter<long> _dropped;
    private readonly Histogram<double> _pipelineLatency;
    private Func<int> _queueDepth = static () => 0;

    /// <summary>Creates the instruments on a meter from the factory.</summary>
    public InferenceMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _duration = meter.CreateHistogram<double>("cctvmask.inference.duration", "s", "Time to run the two-phase detector on one batch.");
        _batchSize = meter.CreateHistogram<int>("cctvmask.inference.batch.size", "{frame}", "Frames per detector batch.");
        _faces = meter.CreateCounter<long>("cctvmask.inference.faces", "{face}", "Faces detected.");
        _dropped = meter.CreateCounter<long>("cctvmask.inference.frames.dropped", "{frame}", "Frames dropped from a camera's inference queue because it was full.");
        _pipelineLatency = meter.CreateHistogram<double>("cctvmask.pipeline.latency", "s", "From frame decoded to its detections recorded (tracker, counters, violations).");
        meter.CreateObservableGauge("cctvmask.inference.queue.depth", () => _queueDepth(), "{frame}", "Frames waiting for inference on this silo.");
    }

    internal void ObserveQueueDepth(Func<int> depth) => _queueDepth = depth;

    internal void RecordBatch(int frames, int faces, double seconds)
    {
        _batchSize.Record(frames);
        _duration.Record(seconds);
        if (faces > 0) _faces.Add(faces);
    }

    internal void RecordDropped(string cameraId) =>
        _dropped.Add(1, new KeyValuePair<string, object?>("camera.id", cameraId));

    /// <summary>Records the decoded→recorded latency of one frame.</summary>
    public void RecordPipelineLatency(TimeSpan latency, string cameraId) =>
        _pipelineLatency.Record(Math.Max(0, latency.TotalSeconds), new KeyValuePair<string, object?>("camera.id", cameraId));
}

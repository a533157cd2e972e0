using CctvMask.Vision.Detection;
using CctvMask.Vision.Imaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CctvMask.Grains.Inference;

/// <summary>
/// The silo's inference loops ("lanes"), each on its own thread with its own model sessions and its own share
/// of the cameras. One loop is serial (phase 1, tracking, crops, phase 2, hand-over one after the other) and
/// ONNX Runtime's intra-op threads barely parallelise these small models, so on a CPU one loop leaves cores
/// idle; lanes fill them while each lane still batches its cameras. A camera stays on its lane until it stops.
/// Lanes are started on first use, so a missing model fails the camera's start, not the silo.
/// </summary>
public sealed class InferenceLanes : IAsyncDisposable
{
    private readonly IFaceModelsFactory _models;
    private readonly IOptions<InferenceLoopOptions> _options;
    private readonly InferenceMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly Lock _gate = new();
    private readonly List<(InferenceLoop Loop, IFaceModels Models)> _lanes = [];
    private int _next;
    private bool _disposed;

    /// <summary>Creates the lanes' owner; no lane runs yet.</summary>
    public InferenceLanes(IFaceModelsFactory models, IOptions<InferenceLoopOptions> options, InferenceMetrics metrics,
        TimeProvider time, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        _models = models;
        _options = options;
        _metrics = metrics;
        _time = time;
        _loggers = loggers;
        Count = options.Value.Lanes > 0 ? options.Value.Lanes : Math.Max(1, Environment.ProcessorCount);
    }

    /// <summary>Lanes this silo runs (<see cref="InferenceLoopOptions.Lanes"/>, 0 = one per processor).</summary>
    public int Count { get; }

    /// <summary>
    /// The lane for a new camera: the one with the fewest cameras, ties taken in turn, so a burst of cameras
    /// registered together spreads evenly although none has attached yet.
    /// </summary>
    public InferenceLoop Assign()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            while (_lanes.Count < Count) Start(_lanes.Count);
            int start = _next++ % Count, best = start;
            for (int k = 1; k < Count; k++)
            {
                int lane = (start + k) % Count;
                if (_lanes[lane].Loop.CameraCount < _lanes[best].Loop.CameraCount) best = lane;
            }
            return _lanes[best].Loop;
        }
    }

    /// <summary>
    /// Detects and judges every face of one uploaded image on the lane with the fewest cameras, in a round beside
    /// the cameras' frames: the API uses the cameras' sessions, not a detector of its own. The caller keeps the
    /// pixels alive until this completes. Throws <c>ModelLoadException</c> when the models cannot be loaded.
    /// </summary>
    public Task<DetectedFace[]> DetectAsync(BgrFrame frame, int smallFaceLongSide, CancellationToken cancellationToken) =>
        Assign().DetectAsync(frame, smallFaceLongSide, cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        List<(InferenceLoop Loop, IFaceModels Models)> lanes;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            lanes = [.. _lanes];
            _lanes.Clear();
        }
        foreach (var (loop, models) in lanes)
        {
            await loop.DisposeAsync().ConfigureAwait(false);
            (models as IDisposable)?.Dispose();
        }
    }

    private void Start(int lane)
    {
        var models = _models.Create(lane);
        try
        {
            _lanes.Add((new InferenceLoop(models, _options, _metrics, _time, _loggers.CreateLogger<InferenceLoop>(), lane), models));
        }
        catch
        {
            (models as IDisposable)?.Dispose();
            throw;
        }
    }
}

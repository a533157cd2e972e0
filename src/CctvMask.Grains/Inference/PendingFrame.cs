using CctvMask.Vision.Imaging;

namespace CctvMask.Grains.Inference;

/// <summary>A frame waiting in a camera queue. State changes happen under the batcher's lock.</summary>
internal sealed class PendingFrame
{
    public PendingFrame(string cameraId, BgrFrame frame, long enqueuedTimestamp)
    {
        CameraId = cameraId;
        Frame = frame;
        EnqueuedTimestamp = enqueuedTimestamp;
    }

    public string CameraId { get; }

    public BgrFrame Frame { get; }

    public long EnqueuedTimestamp { get; }

    /// <summary>Pending until taken into a batch, dropped or cancelled; only Pending frames may be read.</summary>
    public PendingState State { get; set; }

    public TaskCompletionSource<DetectionResult> Completion { get; } =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CancellationTokenRegistration Cancellation { get; set; }
}

/// <summary>Lifecycle of a <see cref="PendingFrame"/>.</summary>
internal enum PendingState
{
    Pending,
    Taken,
    Dropped,
    Cancelled,
}

using CctvMask.Video.Frames;

namespace CctvMask.Video.Ingest;

/// <summary>Immutable snapshot of one camera's ingest; cheap to take (e.g. once a second for a grain or a dashboard).</summary>
/// <param name="CameraId">The camera.</param>
/// <param name="Url">The source URL with credentials scrubbed.</param>
/// <param name="State">Current state.</param>
/// <param name="Reason">Why the state is what it is (last failure for backoff/stalled/error; scrubbed); null when streaming normally.</param>
/// <param name="StateSince">When the state was entered.</param>
/// <param name="FramesIn">Frames read from ffmpeg since start.</param>
/// <param name="FramesDropped">Frames dropped because the consumer was behind (bounded channel overflow).</param>
/// <param name="Restarts">ffmpeg restarts (each reconnect attempt after the first start).</param>
/// <param name="LastFrameAt">Arrival of the latest frame.</param>
/// <param name="MeasuredFps">Frames per second arriving, over the recent window.</param>
/// <param name="FrameSize">Analysis frame size once known.</param>
/// <param name="BuffersOutstanding">Frame buffers not yet returned (bounded by channel capacity + frames the consumer holds).</param>
/// <param name="NextAttemptAt">When the next reconnect happens while in backoff.</param>
public sealed record IngestStatus(
    string CameraId,
    string Url,
    CameraState State,
    string? Reason,
    DateTimeOffset StateSince,
    long FramesIn,
    long FramesDropped,
    int Restarts,
    DateTimeOffset? LastFrameAt,
    double MeasuredFps,
    FrameSize? FrameSize,
    int BuffersOutstanding,
    DateTimeOffset? NextAttemptAt);

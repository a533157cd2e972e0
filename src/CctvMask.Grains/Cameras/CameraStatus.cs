namespace CctvMask.Grains.Cameras;

/// <summary>Snapshot of one camera's pipeline, refreshed about once per second.</summary>
[GenerateSerializer, Immutable, Alias("CctvMask.CameraStatus")]
public sealed record CameraStatus
{
    /// <summary>Camera id.</summary>
    [Id(0)] public required string CameraId { get; init; }

    /// <summary>Lifecycle state.</summary>
    [Id(1)] public CameraState State { get; init; }

    /// <summary>When the snapshot was taken.</summary>
    [Id(2)] public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When the current worker started (null when stopped).</summary>
    [Id(3)] public DateTimeOffset? StartedAt { get; init; }

    /// <summary>Time of the last analysed frame.</summary>
    [Id(4)] public DateTimeOffset? LastFrameAt { get; init; }

    /// <summary>Frames decoded by ingest for the current worker.</summary>
    [Id(5)] public long FramesReceived { get; init; }

    /// <summary>Frames phase 1 ran on (motion-gated frames are counted in FramesSkipped).</summary>
    [Id(6)] public long FramesAnalyzed { get; init; }

    /// <summary>Frames replaced by a newer one before the inference loop took them (loop slower than the camera), plus frames lost to an error.</summary>
    [Id(7)] public long FramesDropped { get; init; }

    /// <summary>Faces detected in analysed frames.</summary>
    [Id(8)] public long FacesDetected { get; init; }

    /// <summary>Confirmed tracks (people) in view now.</summary>
    [Id(9)] public int PeopleInView { get; init; }

    /// <summary>Unique people counted in the open minute bucket.</summary>
    [Id(10)] public int PeopleThisMinute { get; init; }

    /// <summary>The last closed bucket's counts (null before the first minute closes).</summary>
    [Id(11)] public int? LastMinutePeople { get; init; }

    /// <summary>The last closed bucket's masked ÷ (masked + unmasked).</summary>
    [Id(12)] public double? LastMinuteCompliance { get; init; }

    /// <summary>Violations raised by the current worker.</summary>
    [Id(13)] public long Violations { get; init; }

    /// <summary>Analysed frames per second over the last status interval.</summary>
    [Id(14)] public double AnalysisFps { get; init; }

    /// <summary>Ingest restarts (reconnects) of the current worker.</summary>
    [Id(15)] public int IngestRestarts { get; init; }

    /// <summary>The last error (scrubbed of credentials), if any.</summary>
    [Id(16)] public string? LastError { get; init; }

    /// <summary>Silo the camera runs on (where its live view is), e.g. "127.0.0.1:11111@1234".</summary>
    [Id(17)] public string? Silo { get; init; }

    /// <summary>Frames the motion gate kept from phase 1 (nothing moved).</summary>
    [Id(18)] public long FramesSkipped { get; init; }

    /// <summary>Faces phase 2 classified (the trackers asked for them).</summary>
    [Id(19)] public long FacesJudged { get; init; }

    /// <summary>
    /// The open minute bucket's counts so far (null before the first confirmed person): not in the database until the
    /// minute closes, so the alert evaluator adds them to the stored minutes to judge the current minute too.
    /// </summary>
    [Id(20)] public OpenMinuteCounts? OpenMinute { get; init; }

    /// <summary>The last closed bucket's people who wore the mask incorrectly (part of its masked or unmasked).</summary>
    [Id(21)] public int? LastMinuteIncorrect { get; init; }

    /// <summary>A stopped status.</summary>
    public static CameraStatus Stopped(string cameraId, DateTimeOffset now, string? lastError = null) =>
        new() { CameraId = cameraId, State = CameraState.Stopped, UpdatedAt = now, LastError = lastError };
}

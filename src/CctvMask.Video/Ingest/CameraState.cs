namespace CctvMask.Video.Ingest;

/// <summary>Lifecycle state of one camera's ingest (string form for APIs: lower-case name).</summary>
public enum CameraState
{
    /// <summary>Probing the stream / starting ffmpeg / waiting for the first frame.</summary>
    Connecting,

    /// <summary>Frames are arriving.</summary>
    Streaming,

    /// <summary>Frames stopped; the watchdog is restarting ffmpeg.</summary>
    Stalled,

    /// <summary>Waiting before the next reconnect (see Reason for the last failure).</summary>
    Backoff,

    /// <summary>Stopped on request, or a finite file ended.</summary>
    Stopped,

    /// <summary>The supervisor itself failed (a bug); Reason says why. Ingest no longer runs.</summary>
    Error,
}

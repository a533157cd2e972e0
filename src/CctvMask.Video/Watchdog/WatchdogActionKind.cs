namespace CctvMask.Video.Watchdog;

public enum WatchdogActionKind
{
    /// <summary>All is well (or still within timeouts): keep going.</summary>
    None,

    /// <summary>
    /// Frames are overdue but the stall timeout has not passed: report the camera as stalled now (status must not
    /// say "streaming" for a camera that shows nothing), keep the session and keep waiting.
    /// </summary>
    Late,

    /// <summary>Kill ffmpeg (if alive) and start a new session.</summary>
    Restart,

    /// <summary>The source ended normally (finite file): stop without restarting.</summary>
    Complete,
}

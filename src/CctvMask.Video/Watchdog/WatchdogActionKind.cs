namespace CctvMask.Video.Watchdog;

public enum WatchdogActionKind
{
    /// <summary>All is well (or still within timeouts): keep going.</summary>
    None,

    /// <summary>Kill ffmpeg (if alive) and start a new session.</summary>
    Restart,

    /// <summary>The source ended normally (finite file): stop without restarting.</summary>
    Complete,
}

namespace CctvMask.Video.Watchdog;

/// <summary>Why the watchdog restarts a session.</summary>
public enum RestartReason
{
    None,

    /// <summary>Frames were flowing, then none for the stall timeout.</summary>
    Stalled,

    /// <summary>No first frame within the first-frame timeout after start.</summary>
    NoFirstFrame,

    /// <summary>ffmpeg exited (connection lost, stream ended, decoder error).</summary>
    ProcessExited,

    /// <summary>Asked to switch between decoding every frame and key frames only (not a failure: not counted).</summary>
    DecodeModeChanged,
}

namespace CctvMask.Video.Watchdog;

/// <summary>
/// What the watchdog knows about one running ffmpeg session at one moment. Plain data, so the rules
/// in <see cref="WatchdogPolicy"/> are a pure function of it.
/// </summary>
/// <param name="SessionStartedAt">When this ffmpeg process was started.</param>
/// <param name="LastFrameAt">Arrival of the session's latest frame; null before the first one.</param>
/// <param name="ProcessExited">ffmpeg has exited (stdout reached its end).</param>
/// <param name="ExitCode">Its exit code when known.</param>
/// <param name="FiniteSource">A file played once: a clean exit means done, not failed.</param>
/// <param name="RecentRestarts">When earlier immediate restarts happened, i.e. restarts after a session that streamed
/// (failed connections are spaced by the reconnect backoff instead). Any order; old ones are ignored.</param>
/// <param name="FrameInterval">Expected time between frames (1 / detect fps); zero when unknown (native rate).</param>
public sealed record WatchdogSnapshot(
    DateTimeOffset SessionStartedAt,
    DateTimeOffset? LastFrameAt,
    bool ProcessExited,
    int? ExitCode,
    bool FiniteSource,
    IReadOnlyList<DateTimeOffset> RecentRestarts,
    TimeSpan FrameInterval = default);

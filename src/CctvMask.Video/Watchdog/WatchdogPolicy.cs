using System.Globalization;
using CctvMask.Video.Ingest;

namespace CctvMask.Video.Watchdog;

/// <summary>
/// The watchdog rules as a pure function (after frigate's camera watchdog):
/// <list type="number">
/// <item>ffmpeg exited → Complete if a finite file ended cleanly, else Restart(ProcessExited);</item>
/// <item>no first frame within FirstFrameTimeout of the start → Restart(NoFirstFrame);</item>
/// <item>no frame for StallTimeout after frames flowed → Restart(Stalled);</item>
/// <item>no frame for LateAfter (or LateFrameIntervals expected frame intervals, whichever is longer) after
/// frames flowed → Late: shown as stalled at once, restarted only at StallTimeout;</item>
/// <item>otherwise None.</item>
/// </list>
/// A restart with RestartBudget or more immediate restarts already in the last RestartBudgetWindow is
/// marked BudgetExhausted (the caller then waits BudgetCooldown before restarting).
/// </summary>
public sealed class WatchdogPolicy
{
    private readonly TimeSpan _stallTimeout;
    private readonly TimeSpan _firstFrameTimeout;
    private readonly TimeSpan _lateAfter;
    private readonly int _lateFrameIntervals;
    private readonly int _restartBudget;
    private readonly TimeSpan _budgetWindow;

    public WatchdogPolicy(IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _stallTimeout = options.StallTimeout;
        _firstFrameTimeout = options.FirstFrameTimeout;
        _lateAfter = options.LateAfter;
        _lateFrameIntervals = options.LateFrameIntervals;
        _restartBudget = options.RestartBudget;
        _budgetWindow = options.RestartBudgetWindow;
    }

    public WatchdogAction Evaluate(WatchdogSnapshot snapshot, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.ProcessExited)
        {
            if (snapshot.FiniteSource && snapshot.ExitCode == 0)
                return WatchdogAction.Complete("end of stream");
            var detail = snapshot.ExitCode switch
            {
                0 => "stream ended (ffmpeg exit code 0)",
                { } code => $"ffmpeg exited with code {code.ToString(CultureInfo.InvariantCulture)}",
                null => "ffmpeg exited",
            };
            return Restart(RestartReason.ProcessExited, detail, snapshot, now);
        }

        if (snapshot.LastFrameAt is { } last)
        {
            var silent = now - last;
            if (silent >= _stallTimeout)
                return Restart(RestartReason.Stalled, $"no frame for {Seconds(silent)} s (stall timeout {Seconds(_stallTimeout)} s)", snapshot, now);
            var late = LateThreshold(snapshot.FrameInterval);
            if (silent >= late)
                // Stable text (no running seconds): the state is set once, not re-announced every tick.
                return WatchdogAction.Late($"frames overdue: none for more than {Seconds(late)} s (restart after {Seconds(_stallTimeout)} s)");
        }
        else
        {
            var waited = now - snapshot.SessionStartedAt;
            if (waited >= _firstFrameTimeout)
                return Restart(RestartReason.NoFirstFrame, $"no first frame after {Seconds(waited)} s", snapshot, now);
        }
        return WatchdogAction.None;
    }

    /// <summary>Silence after which frames count as overdue: LateAfter, longer for a slow detect fps.</summary>
    public TimeSpan LateThreshold(TimeSpan frameInterval)
    {
        var byRate = frameInterval * _lateFrameIntervals;
        return byRate > _lateAfter ? byRate : _lateAfter;
    }

    /// <summary>Restarts within the budget window before <paramref name="now"/>.</summary>
    public int RestartsInWindow(IReadOnlyList<DateTimeOffset> restarts, DateTimeOffset now)
    {
        var count = 0;
        for (var i = 0; i < restarts.Count; i++)
        {
            var age = now - restarts[i];
            if (age >= TimeSpan.Zero && age < _budgetWindow) count++;
        }
        return count;
    }

    private WatchdogAction Restart(RestartReason reason, string detail, WatchdogSnapshot snapshot, DateTimeOffset now) =>
        WatchdogAction.Restart(reason, detail, RestartsInWindow(snapshot.RecentRestarts, now) >= _restartBudget);

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
}

using CctvMask.Video.Ingest;
using CctvMask.Video.Watchdog;

namespace CctvMask.Video.Tests.Watchdog;

public sealed class WatchdogPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly IngestOptions Options = new()
    {
        StallTimeout = TimeSpan.FromSeconds(10),
        FirstFrameTimeout = TimeSpan.FromSeconds(30),
        RestartBudget = 5,
        RestartBudgetWindow = TimeSpan.FromSeconds(60),
    };

    // Times are seconds after T0; lastFrame < 0 means "no frame yet"; exitCode < -1000 means "unknown".
    [Theory]
    //         started lastFrame now   exited exit finite  restarts(ago, s)      expected              reason                      budget
    [InlineData(0, 5, 6.9, false, 0, false, "", WatchdogActionKind.None, RestartReason.None, false)]
    [InlineData(0, 5, 7, false, 0, false, "", WatchdogActionKind.Late, RestartReason.None, false)]
    [InlineData(0, 5, 9, false, 0, false, "", WatchdogActionKind.Late, RestartReason.None, false)]
    [InlineData(0, 5, 14.9, false, 0, false, "", WatchdogActionKind.Late, RestartReason.None, false)]
    [InlineData(0, 5, 15, false, 0, false, "", WatchdogActionKind.Restart, RestartReason.Stalled, false)]
    [InlineData(0, -1, 29, false, 0, false, "", WatchdogActionKind.None, RestartReason.None, false)]
    [InlineData(0, -1, 30, false, 0, false, "", WatchdogActionKind.Restart, RestartReason.NoFirstFrame, false)]
    [InlineData(0, 5, 6, true, 1, false, "", WatchdogActionKind.Restart, RestartReason.ProcessExited, false)]
    [InlineData(0, 5, 6, true, 0, false, "", WatchdogActionKind.Restart, RestartReason.ProcessExited, false)]
    [InlineData(0, 5, 6, true, -9999, false, "", WatchdogActionKind.Restart, RestartReason.ProcessExited, false)]
    [InlineData(0, 5, 6, true, 0, true, "", WatchdogActionKind.Complete, RestartReason.None, false)]
    [InlineData(0, 5, 6, true, 1, true, "", WatchdogActionKind.Restart, RestartReason.ProcessExited, false)]
    [InlineData(0, 5, 15, false, 0, false, "50,40,30,20", WatchdogActionKind.Restart, RestartReason.Stalled, false)]
    [InlineData(0, 5, 15, false, 0, false, "50,40,30,20,10", WatchdogActionKind.Restart, RestartReason.Stalled, true)]
    [InlineData(0, 5, 15, false, 0, false, "70,65,61,60,10", WatchdogActionKind.Restart, RestartReason.Stalled, false)]
    [InlineData(0, 5, 6, true, 1, false, "1,2,3,4,5,6", WatchdogActionKind.Restart, RestartReason.ProcessExited, true)]
    [InlineData(0, 5, 6, false, 0, false, "1,2,3,4,5,6", WatchdogActionKind.None, RestartReason.None, false)]
    public void Evaluates_rules(double started, double lastFrame, double now, bool exited, int exitCode, bool finite,
        string restartsAgo, WatchdogActionKind kind, RestartReason reason, bool budgetExhausted)
    {
        var nowAt = T0.AddSeconds(now);
        var restarts = restartsAgo.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => nowAt.AddSeconds(-double.Parse(s, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var snapshot = new WatchdogSnapshot(T0.AddSeconds(started), lastFrame < 0 ? null : T0.AddSeconds(lastFrame),
            exited, exitCode < -1000 ? null : exitCode, finite, restarts);

        var action = new WatchdogPolicy(Options).Evaluate(snapshot, nowAt);

        Assert.Equal(kind, action.Kind);
        Assert.Equal(reason, action.Reason);
        Assert.Equal(budgetExhausted, action.BudgetExhausted);
        if (kind != WatchdogActionKind.None) Assert.False(string.IsNullOrEmpty(action.Detail));
    }

    [Theory]
    // A 1-fps camera (frame interval 1 s, 3 intervals = 3 s) is late after 3 s, a 5-fps one after LateAfter (2 s).
    [InlineData(1.0, 2.5, WatchdogActionKind.None)]
    [InlineData(1.0, 3.0, WatchdogActionKind.Late)]
    [InlineData(0.2, 2.0, WatchdogActionKind.Late)]
    [InlineData(0.0, 2.0, WatchdogActionKind.Late)]
    public void Late_threshold_follows_the_frame_rate(double frameIntervalSeconds, double silentSeconds, WatchdogActionKind kind)
    {
        var policy = new WatchdogPolicy(Options);
        var snapshot = new WatchdogSnapshot(T0, T0.AddSeconds(1), false, null, false, [], TimeSpan.FromSeconds(frameIntervalSeconds));
        Assert.Equal(kind, policy.Evaluate(snapshot, T0.AddSeconds(1 + silentSeconds)).Kind);
    }

    [Fact]
    public void Late_detail_is_stable_so_the_state_is_announced_once()
    {
        var policy = new WatchdogPolicy(Options);
        var snapshot = new WatchdogSnapshot(T0, T0.AddSeconds(1), false, null, false, []);
        var first = policy.Evaluate(snapshot, T0.AddSeconds(4));
        var later = policy.Evaluate(snapshot, T0.AddSeconds(8));
        Assert.Equal(first.Detail, later.Detail);
        Assert.Contains("restart after 10 s", first.Detail);
    }

    [Fact]
    public void Restart_detail_names_the_cause()
    {
        var policy = new WatchdogPolicy(Options);
        var stalled = policy.Evaluate(new WatchdogSnapshot(T0, T0.AddSeconds(1), false, null, false, []), T0.AddSeconds(13));
        Assert.Contains("no frame for 12 s", stalled.Detail);
        var exited = policy.Evaluate(new WatchdogSnapshot(T0, null, true, 1, false, []), T0.AddSeconds(1));
        Assert.Contains("code 1", exited.Detail);
    }

    [Fact]
    public void Evaluate_is_pure()
    {
        var policy = new WatchdogPolicy(Options);
        var snapshot = new WatchdogSnapshot(T0, T0.AddSeconds(2), false, null, false, [T0]);
        Assert.Equal(policy.Evaluate(snapshot, T0.AddSeconds(20)), policy.Evaluate(snapshot, T0.AddSeconds(20)));
    }

    [Fact]
    public void Counts_restarts_in_the_window_only()
    {
        var policy = new WatchdogPolicy(Options);
        DateTimeOffset[] times = [T0.AddSeconds(-61), T0.AddSeconds(-59), T0.AddSeconds(-1), T0.AddSeconds(5)];
        Assert.Equal(2, policy.RestartsInWindow(times, T0));
    }
}

namespace CctvMask.Video.Watchdog;

/// <summary>
/// The watchdog's decision. For a restart, <see cref="BudgetExhausted"/> says the restart budget
/// is used up and the longer cooldown applies before reconnecting.
/// </summary>
public readonly record struct WatchdogAction(WatchdogActionKind Kind, RestartReason Reason, string Detail, bool BudgetExhausted)
{
    public static WatchdogAction None => new(WatchdogActionKind.None, RestartReason.None, "", false);

    public static WatchdogAction Restart(RestartReason reason, string detail, bool budgetExhausted) =>
        new(WatchdogActionKind.Restart, reason, detail, budgetExhausted);

    public static WatchdogAction Late(string detail) =>
        new(WatchdogActionKind.Late, RestartReason.None, detail, false);

    public static WatchdogAction Complete(string detail) =>
        new(WatchdogActionKind.Complete, RestartReason.None, detail, false);
}

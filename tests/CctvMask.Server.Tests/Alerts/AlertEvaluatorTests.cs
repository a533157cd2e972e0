using CctvMask.Server.Alerts.Evaluation;
using CctvMask.Storage.Alerts;

namespace CctvMask.Server.Tests.Alerts;

/// <summary>The rules as a pure function, driven by a hand-advanced clock.</summary>
public sealed class AlertEvaluatorTests
{
    private static readonly Guid RuleId = Guid.NewGuid();
    private DateTimeOffset _now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private AlertRuleState _state = AlertRuleState.Initial(RuleId, "cam");

    private static AlertRuleSpec Compliance(double below = 80, int minPeople = 5, double hysteresis = 5, int cooldown = 600) =>
        new("low compliance", AlertRuleKind.ComplianceBelow, AlertRuleScope.Camera, "cam", below, 10, minPeople, hysteresis, cooldown, true, null, false);

    private static AlertRuleSpec Unmasked(double above = 3, double hysteresis = 1, int cooldown = 0) =>
        new("unmasked", AlertRuleKind.UnmaskedAbove, AlertRuleScope.EachCamera, null, above, 10, 0, hysteresis, cooldown, true, null, false);

    private static AlertRuleSpec NotRunning(double seconds = 60, double hysteresis = 30, int cooldown = 0) =>
        new("down", AlertRuleKind.CameraNotRunning, AlertRuleScope.EachCamera, null, seconds, 0, 0, hysteresis, cooldown, true, null, false);

    private static AlertSnapshot Counts(long masked, long unmasked, bool running = true) => new("cam", running, masked + unmasked, masked, unmasked);

    private AlertEventStatus? Step(AlertRuleSpec rule, AlertSnapshot snapshot, TimeSpan advance)
    {
        _now += advance;
        var decision = AlertEvaluator.Evaluate(rule, snapshot, _state, _now);
        _state = decision.State;
        return decision.Raise;
    }

    [Fact]
    public void Compliance_below_the_threshold_triggers_once_and_resolves_only_past_the_hysteresis()
    {
        var rule = Compliance(below: 80, hysteresis: 5);
        Assert.Null(Step(rule, Counts(9, 1), TimeSpan.Zero));                         // 90 %
        Assert.Equal(AlertEventStatus.Triggered, Step(rule, Counts(7, 3), TimeSpan.FromSeconds(15))); // 70 %
        Assert.True(_state.Firing);
        Assert.Null(Step(rule, Counts(6, 4), TimeSpan.FromSeconds(15)));              // still low: no second event
        Assert.Null(Step(rule, Counts(82, 18), TimeSpan.FromSeconds(15)));            // 82 %: above 80 but inside the margin
        Assert.True(_state.Firing);
        Assert.Equal(AlertEventStatus.Resolved, Step(rule, Counts(85, 15), TimeSpan.FromSeconds(15))); // 85 % = 80 + 5
        Assert.False(_state.Firing);
    }

    [Fact]
    public void Compliance_with_too_few_people_assessed_neither_triggers_nor_resolves()
    {
        var rule = Compliance(below: 80, minPeople: 5);
        Assert.Null(Step(rule, Counts(1, 3), TimeSpan.Zero));                         // 25 % of only 4 people
        Assert.False(_state.Firing);
        Assert.Equal(AlertEventStatus.Triggered, Step(rule, Counts(1, 4), TimeSpan.FromSeconds(15)));
        Assert.Null(Step(rule, Counts(2, 0), TimeSpan.FromSeconds(15)));              // 100 % of 2: no evidence, stays firing
        Assert.True(_state.Firing);
    }

    [Fact]
    public void A_value_flapping_around_the_threshold_does_not_flap_the_alert()
    {
        var rule = Compliance(below: 80, hysteresis: 5, cooldown: 0);
        var raised = new List<AlertEventStatus>();
        long[] maskedOf100 = [79, 81, 79, 82, 78, 84, 79, 81];
        foreach (var masked in maskedOf100)
            if (Step(rule, Counts(masked, 100 - masked), TimeSpan.FromSeconds(15)) is { } e) raised.Add(e);
        Assert.Equal([AlertEventStatus.Triggered], raised);
    }

    [Fact]
    public void The_cooldown_holds_back_a_new_trigger_until_it_has_passed()
    {
        var rule = Compliance(below: 80, hysteresis: 5, cooldown: 600);
        Assert.Equal(AlertEventStatus.Triggered, Step(rule, Counts(5, 5), TimeSpan.Zero));
        Assert.Equal(AlertEventStatus.Resolved, Step(rule, Counts(10, 0), TimeSpan.FromMinutes(1)));
        Assert.Null(Step(rule, Counts(5, 5), TimeSpan.FromMinutes(1)));              // low again 2 min after: cooling down
        Assert.Null(Step(rule, Counts(5, 5), TimeSpan.FromMinutes(7)));              // 9 min
        Assert.Equal(AlertEventStatus.Triggered, Step(rule, Counts(5, 5), TimeSpan.FromMinutes(1))); // 10 min: still low, triggers
    }

    [Fact]
    public void Unmasked_above_n_triggers_on_more_than_n_and_resolves_at_n_minus_hysteresis()
    {
        var rule = Unmasked(above: 3, hysteresis: 1);
        Assert.Null(Step(rule, Counts(0, 3), TimeSpan.Zero));                         // exactly 3 is not more than 3
        Assert.Equal(AlertEventStatus.Triggered, Step(rule, Counts(0, 4), TimeSpan.FromSeconds(15)));
        Assert.Null(Step(rule, Counts(0, 3), TimeSpan.FromSeconds(15)));              // 3 > 3 − 1
        Assert.Equal(AlertEventStatus.Resolved, Step(rule, Counts(0, 2), TimeSpan.FromSeconds(15)));
    }

    [Fact]
    public void Not_running_triggers_after_more_than_t_and_resolves_after_running_for_the_hysteresis()
    {
        var rule = NotRunning(seconds: 60, hysteresis: 30);
        Assert.Null(Step(rule, Counts(0, 0, running: false), TimeSpan.Zero));
        Assert.Null(Step(rule, Counts(0, 0, running: false), TimeSpan.FromSeconds(60)));  // exactly 60 s: not more than T
        Assert.Equal(AlertEventStatus.Triggered, Step(rule, Counts(0, 0, running: false), TimeSpan.FromSeconds(1)));
        Assert.Null(Step(rule, Counts(0, 0, running: true), TimeSpan.FromSeconds(10)));   // running again, not for 30 s yet
        Assert.Null(Step(rule, Counts(0, 0, running: false), TimeSpan.FromSeconds(10)));  // down again: the clear clock restarts
        Assert.Null(Step(rule, Counts(0, 0, running: true), TimeSpan.FromSeconds(10)));
        Assert.Null(Step(rule, Counts(0, 0, running: true), TimeSpan.FromSeconds(20)));
        Assert.True(_state.Firing);
        Assert.Equal(AlertEventStatus.Resolved, Step(rule, Counts(0, 0, running: true), TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void A_short_outage_below_t_raises_nothing_and_forgets_its_start()
    {
        var rule = NotRunning(seconds: 60);
        Assert.Null(Step(rule, Counts(0, 0, running: false), TimeSpan.Zero));
        Assert.Null(Step(rule, Counts(0, 0, running: false), TimeSpan.FromSeconds(50)));
        Assert.Null(Step(rule, Counts(0, 0, running: true), TimeSpan.FromSeconds(5)));
        Assert.Null(_state.PendingSince);
        Assert.Null(Step(rule, Counts(0, 0, running: false), TimeSpan.FromSeconds(5)));
        Assert.Null(Step(rule, Counts(0, 0, running: false), TimeSpan.FromSeconds(50)));  // 50 s of the new outage only
        Assert.False(_state.Firing);
    }

    [Fact]
    public void The_decision_reports_the_measured_value()
    {
        var decision = AlertEvaluator.Evaluate(Compliance(below: 80), Counts(6, 4), _state, _now);
        Assert.Equal(AlertEventStatus.Triggered, decision.Raise);
        Assert.Equal(60, decision.Value!.Value, 6);
        Assert.Equal(_now, decision.State.LastTriggeredAt);
    }

    [Fact]
    public void A_fleet_snapshot_sums_the_cameras_and_is_down_while_any_camera_is()
    {
        var fleet = AlertSnapshot.Fleet([new("a", true, 10, 10, 0), new("b", false, 10, 2, 8), new("c", true, 0, 0, 0)]);
        Assert.Equal((20L, 12L, 8L), (fleet.People, fleet.Masked, fleet.Unmasked));
        Assert.Equal(60, fleet.CompliancePercent!.Value, 6);
        Assert.False(fleet.Running);
        Assert.Equal(["b"], fleet.DownCameras);
        Assert.Equal(3, fleet.Cameras);
        Assert.True(AlertSnapshot.Fleet([]).Running);

        // "Down" lasts while one camera or another is down: a hand-over between cameras does not restart the clock.
        var rule = NotRunning(seconds: 60) with { Scope = AlertRuleScope.Fleet };
        _state = AlertRuleState.Initial(RuleId, AlertRuleState.FleetKey);
        Assert.Null(Step(rule, AlertSnapshot.Fleet([new("a", false, 0, 0, 0), new("b", true, 0, 0, 0)]), TimeSpan.Zero));
        Assert.Null(Step(rule, AlertSnapshot.Fleet([new("a", true, 0, 0, 0), new("b", false, 0, 0, 0)]), TimeSpan.FromSeconds(40)));
        Assert.Equal(AlertEventStatus.Triggered, Step(rule, AlertSnapshot.Fleet([new("a", true, 0, 0, 0), new("b", false, 0, 0, 0)]), TimeSpan.FromSeconds(30)));
    }
}

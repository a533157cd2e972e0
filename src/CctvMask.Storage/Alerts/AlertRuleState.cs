namespace CctvMask.Storage.Alerts;

/// <summary>
/// What a rule remembers about one camera between evaluations: whether it is firing, since when the
/// condition that would flip it holds (<see cref="PendingSince"/>: "not running" while quiet, "running
/// again" while firing), and when it last triggered (cooldown). <see cref="CameraId"/> is the camera judged,
/// <see cref="FleetKey"/> for a fleet rule's single state.
/// </summary>
public sealed record AlertRuleState(
    Guid RuleId,
    string CameraId,
    bool Firing,
    DateTimeOffset? PendingSince,
    DateTimeOffset? LastTriggeredAt)
{
    /// <summary>The <see cref="CameraId"/> of a fleet rule's state ('*' is never a camera id).</summary>
    public const string FleetKey = "*";

    /// <summary>The state of a rule that has never seen the camera.</summary>
    public static AlertRuleState Initial(Guid ruleId, string cameraId) => new(ruleId, cameraId, false, null, null);
}

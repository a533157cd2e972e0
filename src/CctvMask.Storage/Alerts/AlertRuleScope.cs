namespace CctvMask.Storage.Alerts;

/// <summary>What a rule judges: one camera, every enabled camera on its own, or the fleet as one aggregate.</summary>
public enum AlertRuleScope
{
    /// <summary>The camera named by <c>CameraId</c> (required).</summary>
    Camera = 0,

    /// <summary>Every enabled camera, each judged on its own (one state and one event per camera).</summary>
    EachCamera = 1,

    /// <summary>
    /// All enabled cameras as one: counts summed over the window; "not running" = at least one camera down.
    /// One state and one event for the fleet, with no camera id.
    /// </summary>
    Fleet = 2,
}

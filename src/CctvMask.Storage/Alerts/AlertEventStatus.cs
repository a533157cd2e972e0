namespace CctvMask.Storage.Alerts;

/// <summary>Why an alert event was raised.</summary>
public enum AlertEventStatus
{
    /// <summary>The rule's condition started to hold.</summary>
    Triggered = 0,

    /// <summary>The condition cleared (past the hysteresis margin).</summary>
    Resolved = 1,

    /// <summary>Sent by POST /api/alerts/rules/{id}/test.</summary>
    Test = 2,
}

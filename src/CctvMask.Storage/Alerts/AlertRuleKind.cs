namespace CctvMask.Storage.Alerts;

/// <summary>What an alert rule watches.</summary>
public enum AlertRuleKind
{
    /// <summary>Compliance (masked ÷ assessed) below <c>Threshold</c> % over the window, with at least <c>MinPeople</c> assessed.</summary>
    ComplianceBelow = 0,

    /// <summary>More than <c>Threshold</c> unmasked people over the window.</summary>
    UnmaskedAbove = 1,

    /// <summary>An enabled camera not running for more than <c>Threshold</c> seconds.</summary>
    CameraNotRunning = 2,
}

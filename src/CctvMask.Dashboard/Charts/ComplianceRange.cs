namespace CctvMask.Dashboard.Charts;

/// <summary>The ranges the camera page offers, and which bucket sizes make sense for each.</summary>
public enum ComplianceRange
{
    LastHour,
    LastDay,
    LastWeek,
    LastMonth,
    Custom,
}

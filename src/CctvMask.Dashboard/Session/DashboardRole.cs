namespace CctvMask.Dashboard.Session;

/// <summary>What the logged-in key may do; the API enforces the same split.</summary>
public enum DashboardRole
{
    Viewer,
    Admin,
}

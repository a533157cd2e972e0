namespace CctvMask.Server.Auth;

/// <summary>The two authorization policies and the roles behind them.</summary>
public static class ApiPolicies
{
    public const string Admin = "admin";
    public const string Viewer = "viewer";
    public const string AdminRole = "admin";
    public const string ViewerRole = "viewer";
}

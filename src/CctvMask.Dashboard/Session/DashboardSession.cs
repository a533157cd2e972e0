namespace CctvMask.Dashboard.Session;

/// <summary>
/// The logged-in user of one circuit or request (scoped): the API key the dashboard forwards to
/// the API, and its role. Empty until the session cookie has been read.
/// </summary>
public sealed class DashboardSession
{
    public string? ApiKey { get; private set; }

    public DashboardRole Role { get; private set; }

    public bool IsSignedIn => ApiKey is not null;

    /// <summary>The browser's address when known (set from the request that restored the session), for the audit log.</summary>
    public string? ClientAddress { get; set; }

    public bool IsAdmin => IsSignedIn && Role == DashboardRole.Admin;

    public void SignIn(string apiKey, DashboardRole role)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        ApiKey = apiKey;
        Role = role;
    }

    public void SignOut()
    {
        ApiKey = null;
        Role = DashboardRole.Viewer;
    }
}

using System.Net;
using System.Security.Claims;
using CctvMask.Dashboard.Session;
using CctvMask.Server.Auth;

namespace CctvMask.Server.Audit;

/// <summary>Who is calling, for the audit log: the key's name and role from the authenticated principal, and the address.</summary>
public static class AuditClient
{
    /// <summary>Header the dashboard adds to its loopback API calls with the browser's address.</summary>
    public const string ForwardedHeader = DashboardClientAddress.HeaderName;

    public const string Anonymous = "anonymous";

    public static string KeyName(ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : Anonymous;

    public static string Role(ClaimsPrincipal user) =>
        user.IsInRole(ApiPolicies.AdminRole) ? ApiPolicies.AdminRole
        : user.IsInRole(ApiPolicies.ViewerRole) ? ApiPolicies.ViewerRole
        : "none";

    /// <summary>
    /// The client's address. A call from the dashboard in this process (loopback, with the dashboard header) names
    /// the browser's address it forwarded; anyone else's header is ignored.
    /// </summary>
    public static string? Address(HttpContext http)
    {
        var remote = http.Connection.RemoteIpAddress;
        if (remote is not null && IPAddress.IsLoopback(remote)
            && http.Request.Headers.ContainsKey(FailureThrottle.DashboardHeader)
            && IPAddress.TryParse(http.Request.Headers[ForwardedHeader].ToString(), out var browser))
            return $"{browser} (dashboard)";
        return remote?.ToString();
    }
}

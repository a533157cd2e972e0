namespace CctvMask.Dashboard.Session;

/// <summary>
/// The header that carries the browser's address on the dashboard's own API calls, so the API's audit log names the
/// person's address rather than loopback. The API believes it only on loopback calls that carry the dashboard header.
/// </summary>
public static class DashboardClientAddress
{
    public const string HeaderName = "X-Cctv-Client-Address";
}

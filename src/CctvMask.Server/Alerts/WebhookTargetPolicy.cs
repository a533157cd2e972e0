using System.Net;
using System.Net.Sockets;

namespace CctvMask.Server.Alerts;

/// <summary>
/// Which webhook URLs are acceptable: absolute http(s); unless private targets are allowed, not
/// <c>localhost</c> nor a loopback, private (RFC 1918 / ULA) or link-local address literal. Names are not
/// resolved (a name could be re-pointed later): the network policy is the real fence.
/// </summary>
public static class WebhookTargetPolicy
{
    public const string SchemeMessage = "The webhook URL must be an absolute http:// or https:// URL.";
    public const string PrivateMessage =
        "The webhook URL points at this machine or a private/link-local address (Alerts:Webhooks:AllowPrivateTargets).";

    /// <summary>Null when <paramref name="url"/> may be used, else the reason.</summary>
    public static string? Check(string url, bool allowPrivate)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
            return SchemeMessage;
        if (allowPrivate) return null;
        var host = uri.IdnHost.TrimEnd('.');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
            return PrivateMessage;
        return IPAddress.TryParse(uri.HostNameType == UriHostNameType.IPv6 ? uri.Host.Trim('[', ']') : host, out var ip) && IsPrivate(ip)
            ? PrivateMessage
            : null;
    }

    private static bool IsPrivate(IPAddress ip)
    {
        if (ip.IsIPv4MappedToIPv6) ip = ip.MapToIPv4();
        if (IPAddress.IsLoopback(ip) || ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)) return true;
        if (ip.AddressFamily == AddressFamily.InterNetworkV6)
            return ip.IsIPv6LinkLocal || ip.IsIPv6SiteLocal || ip.IsIPv6UniqueLocal;
        var b = ip.GetAddressBytes();
        return b[0] == 10 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254) || b[0] == 0;
    }
}

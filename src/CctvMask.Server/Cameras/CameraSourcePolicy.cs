using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace CctvMask.Server.Cameras;

/// <summary>
/// Keeps camera URLs to cameras (SSRF and local-file guard): <c>file://</c> only inside
/// <see cref="CameraSourceOptions.MediaRoots"/>, http(s) not to this machine, link-local addresses
/// or the server's own ports unless <see cref="CameraSourceOptions.AllowLocalHttp"/>. Host names are
/// not resolved (a name could be re-pointed after the check): the network policy is the real fence.
/// The messages never say whether a local file exists.
/// </summary>
public sealed class CameraSourcePolicy(IOptions<CameraSourceOptions> options, IServer server)
{
    public const string FileRefused =
        "file:// sources must be inside a configured media folder (CameraSources:MediaRoots).";
    public const string LocalHttpRefused =
        "http(s) sources may not point at this server, this machine or a link-local address (CameraSources:AllowLocalHttp).";

    /// <summary>Null when the (syntactically valid) URL may be used, else the reason for the "url" field.</summary>
    public string? Check(string url)
    {
        // A bare path is a capture device (/dev/videoN; CameraUrl refuses any other), though Unix parses it as file://.
        if (url.StartsWith('/') || !Uri.TryCreate(url, UriKind.Absolute, out var uri)) return null;
        return uri.Scheme.ToLowerInvariant() switch
        {
            "file" => InsideMediaRoot(uri.LocalPath) ? null : FileRefused,
            "http" or "https" => HttpAllowed(uri) ? null : LocalHttpRefused,
            _ => null,
        };
    }

    private bool InsideMediaRoot(string path)
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
            // A symlink inside a root may point anywhere: judge where it leads.
            var info = new FileInfo(full);
            if (info.Exists && info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
                full = target.FullName;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return false;
        }
        foreach (var root in options.Value.MediaRoots)
        {
            if (string.IsNullOrWhiteSpace(root)) continue;
            var r = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
            if (full.StartsWith(r, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private bool HttpAllowed(Uri uri)
    {
        var host = uri.IdnHost.Trim('[', ']');
        var local = host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            || IPAddress.TryParse(host, out var ip) && IsLocal(ip);
        if (!local) return true;
        if (OwnPorts().Contains(uri.Port)) return false;
        return options.Value.AllowLocalHttp;
    }

    private static bool IsLocal(IPAddress ip)
    {
        if (ip.IsIPv4MappedToIPv6) ip = ip.MapToIPv4();
        if (IPAddress.IsLoopback(ip) || ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any) || ip.IsIPv6LinkLocal) return true;
        if (ip.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = ip.GetAddressBytes();
            if (b[0] == 169 && b[1] == 254) return true; // link-local, cloud metadata services
        }
        foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
            foreach (var a in nic.GetIPProperties().UnicastAddresses)
                if (a.Address.Equals(ip)) return true;
        return false;
    }

    private HashSet<int> OwnPorts()
    {
        var ports = new HashSet<int>();
        foreach (var address in server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
        {
            var normalised = address.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal);
            if (Uri.TryCreate(normalised, UriKind.Absolute, out var u)) ports.Add(u.Port);
        }
        return ports;
    }
}

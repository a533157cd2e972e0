using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IpNetwork = System.Net.IPNetwork;

namespace CctvMask.Server.Hosting;

/// <summary>Forwarded-headers settings from <see cref="ServerOptions"/>: only the listed proxies are trusted.</summary>
public static class ForwardedHeaders
{
    public static void Configure(ForwardedHeadersOptions forwarded, ServerOptions server)
    {
        forwarded.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor
            | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto
            | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedHost;
        forwarded.ForwardLimit = 1;
        if (server.TrustedProxies.Length == 0) return; // the defaults trust loopback only
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var entry in server.TrustedProxies)
        {
            if (entry.Contains('/', StringComparison.Ordinal)) forwarded.KnownIPNetworks.Add(IpNetwork.Parse(entry));
            else forwarded.KnownProxies.Add(IPAddress.Parse(entry));
        }
    }
}

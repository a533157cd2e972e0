using CctvMask.Dashboard.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace CctvMask.Dashboard.Api;

/// <summary>
/// Where the dashboard reaches the API: the configured address, else the hosting server's own
/// first listening address (resolved lazily, after Kestrel has bound its ports).
/// </summary>
public sealed class ApiBaseAddress(IServer server, IOptions<DashboardOptions> options)
{
    private Uri? _resolved;

    public Uri Get()
    {
        if (_resolved is not null) return _resolved;
        if (options.Value.ApiBaseAddress is { Length: > 0 } configured)
            return _resolved = WithTrailingSlash(new Uri(configured, UriKind.Absolute));
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var own = FromListeningAddresses(addresses)
            ?? throw new InvalidOperationException(
                "The dashboard cannot tell where the API listens: set Dashboard:ApiBaseAddress.");
        return _resolved = own;
    }

    /// <summary>
    /// Picks a reachable base address from Kestrel's listening addresses: plain HTTP first (no
    /// certificate trust needed on loopback), wildcard hosts (0.0.0.0, [::], +, *) mapped to 127.0.0.1.
    /// </summary>
    internal static Uri? FromListeningAddresses(IEnumerable<string> addresses)
    {
        Uri? best = null;
        foreach (var raw in addresses)
        {
            var normalised = raw.Replace("://+", "://0.0.0.0", StringComparison.Ordinal)
                .Replace("://*", "://0.0.0.0", StringComparison.Ordinal);
            if (!Uri.TryCreate(normalised, UriKind.Absolute, out var uri)) continue;
            if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) continue;
            var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? "127.0.0.1" : uri.Host;
            var candidate = WithTrailingSlash(new UriBuilder(uri.Scheme, host, uri.Port).Uri);
            if (best is null || (best.Scheme == Uri.UriSchemeHttps && candidate.Scheme == Uri.UriSchemeHttp))
                best = candidate;
        }
        return best;
    }

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}

using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace CctvMask.Server.Hosting;

/// <summary>The address a silo advertises to the others in fleet mode when none is configured.</summary>
public static class AdvertisedAddress
{
    /// <summary>
    /// The first non-loopback IPv4 address among <paramref name="candidates"/>; loopback when that
    /// is all there is (one machine, e.g. tests), null when there is not even that.
    /// </summary>
    public static IPAddress? Choose(IEnumerable<IPAddress> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        IPAddress? loopback = null;
        foreach (var address in candidates)
        {
            if (address.AddressFamily != AddressFamily.InterNetwork) continue;
            if (!IPAddress.IsLoopback(address)) return address;
            loopback ??= address;
        }
        return loopback;
    }

    /// <summary><see cref="Choose"/> over the IPv4 addresses of this host's interfaces that are up (Linux reports lo and some virtual links as Unknown).</summary>
    public static IPAddress OfThisHost()
    {
        var candidates = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus is OperationalStatus.Up or OperationalStatus.Unknown)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(u => u.Address);
        return Choose(candidates) ?? IPAddress.Loopback;
    }
}

using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CctvMask.Server.Hosting;

/// <summary>
/// Rules of <see cref="OrleansHostingOptions"/> that span fields. Messages name the configuration
/// key and never echo a connection string (it may carry a password).
/// </summary>
public sealed class OrleansHostingOptionsValidator : IValidateOptions<OrleansHostingOptions>
{
    public ValidateOptionsResult Validate(string? name, OrleansHostingOptions options)
    {
        var errors = Errors(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Every rule broken by <paramref name="options"/> (empty when valid).</summary>
    public static IReadOnlyList<string> Errors(OrleansHostingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.SiloPort == options.GatewayPort)
            errors.Add($"Orleans:SiloPort and Orleans:GatewayPort must differ (both are {options.SiloPort}).");
        if (options.AdvertisedIPAddress is { } ip && !TryParseAddress(ip, out _))
            errors.Add($"Orleans:AdvertisedIPAddress '{ip}' is not a usable IP address: give the IPv4 or IPv6 address other silos reach this one at, e.g. 10.0.0.5.");
        if (options.Clustering == ClusteringMode.Redis)
        {
            if (string.IsNullOrWhiteSpace(options.RedisConnectionString))
                errors.Add("Orleans:RedisConnectionString is required when Orleans:Clustering=Redis (a StackExchange.Redis connection string, e.g. 'redis:6379' or 'redis:6379,password=...').");
            else if (RedisConnectionError(options.RedisConnectionString) is { } error)
                errors.Add($"Orleans:RedisConnectionString is not a valid StackExchange.Redis connection string: {error}");
        }
        return errors;
    }

    /// <summary>
    /// Parses an advertised address: a complete IPv4 dotted quad or an IPv6 address, not the
    /// unspecified address (0.0.0.0 / ::), which no other silo can connect to.
    /// </summary>
    public static bool TryParseAddress(string text, out IPAddress address)
    {
        address = IPAddress.None;
        var trimmed = text.Trim();
        if (!IPAddress.TryParse(trimmed, out var parsed)) return false;
        // IPAddress.TryParse also accepts "10" or "10.1" (legacy shorthand); an operator never means that.
        if (parsed.AddressFamily == AddressFamily.InterNetwork && trimmed.Count(c => c == '.') != 3) return false;
        if (parsed.Equals(IPAddress.Any) || parsed.Equals(IPAddress.IPv6Any) || parsed.Equals(IPAddress.Broadcast)) return false;
        address = parsed;
        return true;
    }

    private static string? RedisConnectionError(string connectionString)
    {
        try
        {
            var parsed = ConfigurationOptions.Parse(connectionString);
            return parsed.EndPoints.Count == 0 ? "it names no host (expected host:port first)." : null;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or NotSupportedException or RedisConnectionException)
        {
            // The parser's message names the offending keyword, not the whole string.
            return ex.Message;
        }
    }
}

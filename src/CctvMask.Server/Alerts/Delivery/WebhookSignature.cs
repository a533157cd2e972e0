using System.Security.Cryptography;
using System.Text;

namespace CctvMask.Server.Alerts.Delivery;

/// <summary>
/// <c>X-CctvMask-Signature: sha256=&lt;lowercase hex HMAC-SHA256 of the raw body, keyed with the webhook's secret (UTF-8)&gt;</c>.
/// Receivers recompute it over the bytes they received and compare in constant time (<see cref="Verify"/>).
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-CctvMask-Signature";
    public const string EventIdHeader = "X-CctvMask-Event-Id";
    public const string Prefix = "sha256=";

    public static string Compute(string secret, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        return Prefix + Convert.ToHexStringLower(mac);
    }

    /// <summary>True when <paramref name="header"/> is the signature of <paramref name="body"/> under <paramref name="secret"/>.</summary>
    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? header)
    {
        if (string.IsNullOrEmpty(header) || string.IsNullOrEmpty(secret)) return false;
        var expected = Encoding.ASCII.GetBytes(Compute(secret, body));
        var given = Encoding.ASCII.GetBytes(header);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}

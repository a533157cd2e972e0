using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace CctvMask.Server.Alerts.Delivery;

/// <summary>
/// Encrypts webhook secrets before they are stored (the <c>alert_rules.webhook_secret</c> column holds only
/// ciphertext) and decrypts them to sign a delivery, with the server's Data Protection key ring
/// (<see cref="KeyRing.KeyRingExtensions"/>).
/// </summary>
public sealed class WebhookSecretProtector(IDataProtectionProvider provider)
{
    private const string Purpose = "CctvMask.Alerts.WebhookSecret.v1";
    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    // Every Data Protection payload starts with the magic header 09 F0 C9 F0, "CfDJ8" in base64url.
    private const string PayloadPrefix = "CfDJ8";

    public string Protect(string secret) => _protector.Protect(secret);

    /// <summary>Whether <paramref name="stored"/> has the shape of Data Protection ciphertext (readable or not).</summary>
    public static bool LooksProtected(string stored) => stored.StartsWith(PayloadPrefix, StringComparison.Ordinal);

    /// <summary>
    /// The secret, or null when <paramref name="stored"/> cannot be decrypted: its key is not in the ring (a lost or
    /// replaced key ring, a revoked key) or the value is not ciphertext of this purpose.
    /// </summary>
    public string? TryUnprotect(string stored)
    {
        try
        {
            return _protector.Unprotect(stored);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}

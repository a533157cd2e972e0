using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace CctvMask.Server.KeyRing;

/// <summary>
/// Encrypts a secret before it is stored or configured and decrypts it for use, with the server's Data Protection
/// key ring (<see cref="KeyRingExtensions"/>: in the shared database, so any server of the fleet decrypts it).
/// One instance per purpose, registered as a keyed singleton under its purpose: ciphertext of one purpose never
/// decrypts under another.
/// </summary>
public sealed class SecretProtector
{
    /// <summary>Webhook signing secrets (the <c>alert_rules.webhook_secret</c> column holds only ciphertext).</summary>
    public const string WebhookSecret = "CctvMask.Alerts.WebhookSecret.v1";

    /// <summary>The MQTT password in <c>Alerts:Mqtt:ProtectedPassword</c>.</summary>
    public const string MqttPassword = "CctvMask.Alerts.MqttPassword.v1";

    // Every Data Protection payload starts with the magic header 09 F0 C9 F0, "CfDJ8" in base64url.
    private const string PayloadPrefix = "CfDJ8";

    private readonly IDataProtector _protector;

    public SecretProtector(IDataProtectionProvider provider, string purpose)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        _protector = provider.CreateProtector(purpose);
    }

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

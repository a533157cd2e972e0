using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace CctvMask.Server.Alerts.Mqtt;

/// <summary>
/// Encrypts the MQTT password for <c>Alerts:Mqtt:ProtectedPassword</c> and decrypts it to connect, with the
/// server's Data Protection key ring (in the shared database: any server of the fleet can decrypt it).
/// </summary>
public sealed class MqttPasswordProtector(IDataProtectionProvider provider)
{
    private const string Purpose = "CctvMask.Alerts.MqttPassword.v1";
    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(string password) => _protector.Protect(password);

    /// <summary>The password, or null when <paramref name="stored"/> is not readable with this key ring.</summary>
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

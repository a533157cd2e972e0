using System.Security.Cryptography;
using System.Text;

namespace CctvMask.Server.Auth;

/// <summary>SHA-256 of an API key's UTF-8 bytes: how keys are compared and how named keys are configured.</summary>
public static class ApiKeyHash
{
    /// <summary>The 32-byte hash.</summary>
    public static byte[] Of(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>The hash as 64 lower-case hex digits.</summary>
    public static string Hex(string key) => Convert.ToHexStringLower(Of(key));
}

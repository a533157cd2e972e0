namespace CctvMask.Storage.Alerts;

/// <summary>Column sizes of the alert tables, shared with the API's validation.</summary>
public static class AlertLimits
{
    public const int NameMaxLength = 200;
    public const int UrlMaxLength = 2048;
    public const int SecretMaxLength = 512;

    /// <summary>The stored (encrypted, base64url) webhook secret: a 512-character secret protected is about 2.9 KB.</summary>
    public const int ProtectedSecretMaxLength = 4096;
    public const int TargetMaxLength = 2048;
    public const int ErrorMaxLength = 1000;
    public const int HolderMaxLength = 200;
    public const int LeaseNameMaxLength = 64;
    public const int ScopeMaxLength = 16;
}

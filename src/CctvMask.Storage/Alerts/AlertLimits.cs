namespace CctvMask.Storage.Alerts;

/// <summary>Column sizes of the alert tables, shared with the API's validation.</summary>
public static class AlertLimits
{
    public const int NameMaxLength = 200;
    public const int UrlMaxLength = 2048;
    public const int SecretMaxLength = 512;
    public const int TargetMaxLength = 2048;
    public const int ErrorMaxLength = 1000;
    public const int HolderMaxLength = 200;
    public const int LeaseNameMaxLength = 64;
}

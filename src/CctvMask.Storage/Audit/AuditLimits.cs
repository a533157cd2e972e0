namespace CctvMask.Storage.Audit;

/// <summary>Column lengths of <c>audit_log</c>; longer values are cut (an audit line is never refused for its length).</summary>
public static class AuditLimits
{
    public const int KeyNameMaxLength = 64;
    public const int RoleMaxLength = 16;
    public const int RemoteAddressMaxLength = 64;
    public const int ActionMaxLength = 64;
    public const int TargetMaxLength = 256;
    public const int OutcomeMaxLength = 32;
    public const int DetailMaxLength = 512;
}

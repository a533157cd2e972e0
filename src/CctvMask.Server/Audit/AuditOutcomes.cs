namespace CctvMask.Server.Audit;

/// <summary>The outcome words of the audit log, from an HTTP status.</summary>
public static class AuditOutcomes
{
    public const string Ok = "ok";
    public const string NotFound = "not_found";
    public const string Invalid = "invalid";
    public const string Forbidden = "forbidden";
    public const string Conflict = "conflict";
    public const string Error = "error";

    /// <summary>The outcome of a response with this status.</summary>
    public static string FromStatus(int status) => status switch
    {
        >= 200 and < 400 => Ok,
        StatusCodes.Status404NotFound => NotFound,
        StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden => Forbidden,
        StatusCodes.Status409Conflict => Conflict,
        >= 400 and < 500 => Invalid,
        _ => Error,
    };
}

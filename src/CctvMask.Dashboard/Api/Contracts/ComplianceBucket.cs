namespace CctvMask.Dashboard.Api.Contracts;

/// <summary>Bucket sizes the compliance endpoint accepts (sent lower-case).</summary>
public enum ComplianceBucket
{
    Minute,
    Hour,
    Day,
}

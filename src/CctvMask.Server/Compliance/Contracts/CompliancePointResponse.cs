using CctvMask.Storage.Compliance;

namespace CctvMask.Server.Compliance.Contracts;

/// <summary>
/// One bucket of a compliance series. People are unique per minute and summed over coarser
/// buckets (one person seen in three minutes counts three times in the hour).
/// </summary>
public sealed record CompliancePointResponse(DateTimeOffset Start, long People, long Masked, long Unmasked, long Unknown, double? Compliance)
{
    public static CompliancePointResponse From(CompliancePoint c) =>
        new(c.Start, c.People, c.Masked, c.Unmasked, c.Unknown, c.Compliance);
}

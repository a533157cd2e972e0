using CctvMask.Storage.Compliance;

namespace CctvMask.Server.Compliance.Contracts;

/// <summary>
/// One bucket of a compliance series. People are unique per minute and summed over coarser
/// buckets (one person seen in three minutes counts three times in the hour). <see cref="Incorrect"/> are the people
/// wearing the mask wrongly (mask_incorrect): already in <see cref="Unmasked"/> (or <see cref="Masked"/> when
/// <c>Cctv:Violations:IncorrectMaskIsNonCompliant</c> is false), so <see cref="Compliance"/> does not change with it.
/// </summary>
public sealed record CompliancePointResponse(DateTimeOffset Start, long People, long Masked, long Unmasked, long Unknown, long Incorrect, double? Compliance)
{
    public static CompliancePointResponse From(CompliancePoint c) =>
        new(c.Start, c.People, c.Masked, c.Unmasked, c.Unknown, c.Incorrect, c.Compliance);
}

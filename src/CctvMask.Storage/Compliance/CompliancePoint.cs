namespace CctvMask.Storage.Compliance;

/// <summary>
/// Unique people of one bucket (minute, hour or day), each counted once in it with their verdict.
/// <see cref="Incorrect"/> (mask worn wrongly) is part of <see cref="Unmasked"/> or <see cref="Masked"/>, as configured.
/// </summary>
public sealed record CompliancePoint(DateTimeOffset Start, long People, long Masked, long Unmasked, long Unknown, long Incorrect = 0)
{
    /// <summary>masked / (masked + unmasked), or null when nobody could be assessed.</summary>
    public double? Compliance => Masked + Unmasked > 0 ? (double)Masked / (Masked + Unmasked) : null;

    /// <summary>(masked + unmasked) / people, or null when nobody was seen.</summary>
    public double? AssessableShare => People > 0 ? (double)(Masked + Unmasked) / People : null;
}

namespace CctvMask.Grains.Compliance;

/// <summary>
/// People counted by one camera in one minute bucket (or the part of it a camera run covered), or the
/// change of its unique count for the running hour or day (<see cref="Period"/>). Storage adds deltas for
/// the same camera, period and bucket together; <see cref="EventId"/> is created once per delta so a
/// retried write is recognised as the same event.
/// </summary>
/// <param name="EventId">Idempotency key of this delta.</param>
/// <param name="CameraId">Camera id.</param>
/// <param name="BucketStart">UTC start of the minute, hour or day.</param>
/// <param name="People">Unique confirmed people present in the bucket.</param>
/// <param name="Masked">Of those, voted with_mask (and mask_incorrect when that counts as compliant).</param>
/// <param name="Unmasked">Of those, voted without_mask (and mask_incorrect when that counts as non-compliant).</param>
/// <param name="Unknown">Of those, without a verdict (too few judged frames, or a tie).</param>
/// <param name="Period">
/// Minute: counts of the minute (all ≥ 0). Hour, Day: the change since the last delta of that hour or day,
/// so their sum is the unique count; a class may be negative when a person's verdict moved on.
/// </param>
/// <param name="Incorrect">
/// Of those, voted mask_incorrect: not a fourth class but the part of <see cref="Unmasked"/> (or of <see cref="Masked"/>,
/// as <c>IncorrectMaskIsNonCompliant</c> says) that wore the mask wrongly, so the compliance ratio is unchanged by it.
/// </param>
public sealed record ComplianceDelta(
    Guid EventId,
    string CameraId,
    DateTimeOffset BucketStart,
    int People,
    int Masked,
    int Unmasked,
    int Unknown,
    CountPeriod Period = CountPeriod.Minute,
    int Incorrect = 0)
{
    /// <summary>masked ÷ (masked + unmasked); null when nobody was assessable.</summary>
    public double? Compliance => Masked + Unmasked == 0 ? null : (double)Masked / (Masked + Unmasked);

    /// <summary>(masked + unmasked) ÷ people; null when nobody was seen.</summary>
    public double? AssessableShare => People == 0 ? null : (double)(Masked + Unmasked) / People;
}

namespace CctvMask.Storage.Compliance;

/// <summary>
/// Counts to add to one camera's minute, hour or day bucket, written through <see cref="WriteBehind.IStorageWriter"/>.
/// <see cref="EventId"/> is generated once by the producer; a delta with an id already applied
/// adds nothing (replays never double count).
/// </summary>
/// <param name="EventId">Idempotent id of this delta.</param>
/// <param name="CameraId">Camera slug.</param>
/// <param name="BucketStart">Any time inside the bucket; floored to the UTC minute, hour or day.</param>
/// <param name="People">Unique people seen (≥ 0).</param>
/// <param name="Masked">People voted masked (≥ 0).</param>
/// <param name="Unmasked">People voted unmasked (≥ 0).</param>
/// <param name="Unknown">People whose faces could not be assessed (≥ 0).</param>
/// <param name="Granularity">
/// The bucket the counts belong to. Minute deltas are counts (all ≥ 0). Hour and day deltas are changes of
/// the pipeline's running unique count for that hour or day: people only grow, but a person may move from
/// unknown to masked, so a class may be negative; the stored row is the sum.
/// </param>
/// <param name="Incorrect">
/// Of the people, those voted mask_incorrect (≥ 0 for a minute). Already counted in <paramref name="Unmasked"/> or
/// <paramref name="Masked"/> (as the pipeline's <c>IncorrectMaskIsNonCompliant</c> says): extra information, not a class.
/// </param>
public sealed record ComplianceDelta(
    Guid EventId,
    string CameraId,
    DateTimeOffset BucketStart,
    int People,
    int Masked,
    int Unmasked,
    int Unknown,
    BucketSize Granularity = BucketSize.Minute,
    int Incorrect = 0);

namespace CctvMask.Grains.Cameras;

/// <summary>The unique people of a camera's open minute bucket so far, as the status carries them.</summary>
/// <param name="BucketStart">UTC start of the minute.</param>
/// <param name="People">Unique confirmed people present.</param>
/// <param name="Masked">Of those, voted with_mask.</param>
/// <param name="Unmasked">Of those, voted without_mask.</param>
/// <param name="Incorrect">
/// Of those, voted mask_incorrect: a part of <paramref name="Unmasked"/> (or of <paramref name="Masked"/>, as
/// <c>IncorrectMaskIsNonCompliant</c> says), as in the stored buckets.
/// </param>
[GenerateSerializer, Immutable, Alias("CctvMask.OpenMinuteCounts")]
public sealed record OpenMinuteCounts(
    [property: Id(0)] DateTimeOffset BucketStart,
    [property: Id(1)] int People,
    [property: Id(2)] int Masked,
    [property: Id(3)] int Unmasked,
    [property: Id(4)] int Incorrect);

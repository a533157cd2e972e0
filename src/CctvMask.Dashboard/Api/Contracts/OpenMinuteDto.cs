namespace CctvMask.Dashboard.Api.Contracts;

/// <summary>
/// The open minute bucket's unique people so far, in a camera's status (incorrect = wore the mask incorrectly: a part of
/// masked or unmasked, as in the compliance series).
/// </summary>
public sealed record OpenMinuteDto(DateTimeOffset BucketStart, int People, int Masked, int Unmasked, int Incorrect);

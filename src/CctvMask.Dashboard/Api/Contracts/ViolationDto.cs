namespace CctvMask.Dashboard.Api.Contracts;

/// <summary>One violation: an unmasked person seen by a camera, with an evidence snapshot.</summary>
public sealed record ViolationDto(
    Guid Id,
    Guid CameraId,
    DateTimeOffset OccurredAt,
    long TrackId,
    double Confidence,
    bool HasSnapshot);

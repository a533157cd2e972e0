namespace CctvMask.Storage.Violations;

/// <summary>
/// A violation without its images (fetch them by id: face crop and snapshot). <see cref="Kind"/> is the wire
/// name of its <see cref="Abstractions.Violations.ViolationKind"/> ("unmasked", "incorrect").
/// </summary>
public sealed record ViolationSummary(
    Guid Id,
    string CameraId,
    DateTimeOffset OccurredAt,
    long TrackId,
    float Confidence,
    FaceBox Face,
    bool HasSnapshot,
    Guid? IncidentId = null,
    string Kind = Abstractions.Violations.ViolationKinds.Unmasked);

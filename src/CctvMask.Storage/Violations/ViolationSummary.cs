namespace CctvMask.Storage.Violations;

/// <summary>A violation without its images (fetch them by id: face crop and snapshot).</summary>
public sealed record ViolationSummary(
    Guid Id,
    string CameraId,
    DateTimeOffset OccurredAt,
    long TrackId,
    float Confidence,
    FaceBox Face,
    bool HasSnapshot,
    Guid? IncidentId = null);

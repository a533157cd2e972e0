namespace CctvMask.Storage.Incidents;

/// <summary>
/// Violations of one camera close in time: when they started and ended, how many, the first one (its
/// face crop is the incident's thumbnail) and the operator's review.
/// </summary>
public sealed record IncidentSummary(
    Guid Id,
    string CameraId,
    DateTimeOffset StartedAt,
    DateTimeOffset LastAt,
    int ViolationCount,
    Guid FirstViolationId,
    IncidentState State,
    string? ReviewedBy,
    DateTimeOffset? ReviewedAt,
    string? ReviewNote);

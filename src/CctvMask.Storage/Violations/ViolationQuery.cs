namespace CctvMask.Storage.Violations;

/// <summary>
/// Filter and page of a violation listing: optional camera, time range [From, To), newest first.
/// </summary>
/// <param name="CameraId">Only this camera, or all when null.</param>
/// <param name="From">Inclusive lower bound, or none.</param>
/// <param name="To">Exclusive upper bound, or none.</param>
/// <param name="Offset">Rows to skip, ≥ 0.</param>
/// <param name="Limit">Rows to return, 1..StorageOptions.MaxPageSize.</param>
/// <param name="IncidentId">Only the violations of this incident, or all when null.</param>
public sealed record ViolationQuery(
    string? CameraId = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Offset = 0,
    int Limit = 50,
    Guid? IncidentId = null);

namespace CctvMask.Storage.Incidents;

/// <summary>Filter and page of an incident listing, newest activity first.</summary>
/// <param name="CameraId">Only this camera, or all when null.</param>
/// <param name="State">Only incidents in this state, or all when null.</param>
/// <param name="From">Incidents whose last violation is at or after this, or none.</param>
/// <param name="To">Incidents that started before this, or none.</param>
/// <param name="Offset">Rows to skip, ≥ 0.</param>
/// <param name="Limit">Rows to return, 1..StorageOptions.MaxPageSize.</param>
public sealed record IncidentQuery(
    string? CameraId = null,
    IncidentState? State = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Offset = 0,
    int Limit = 50);

namespace CctvMask.Dashboard.Api.Contracts;

/// <summary>Violations of one camera close in time (GET /api/incidents), with the operator's review.</summary>
public sealed record IncidentDto(
    Guid Id,
    string CameraId,
    DateTimeOffset StartedAt,
    DateTimeOffset LastAt,
    int ViolationCount,
    Guid FirstViolationId,
    string State,
    string? ReviewedBy,
    DateTimeOffset? ReviewedAt,
    string? ReviewNote)
{
    public bool IsOpen => State == IncidentStates.Open;
}

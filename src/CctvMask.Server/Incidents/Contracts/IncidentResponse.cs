using CctvMask.Storage.Incidents;

namespace CctvMask.Server.Incidents.Contracts;

/// <summary>
/// An incident as the API returns it: violations of one camera close in time, their count, the first
/// violation's face crop as thumbnail, and the review (state open / acknowledged / dismissed, who, when).
/// </summary>
public sealed record IncidentResponse(
    Guid Id,
    string CameraId,
    DateTimeOffset StartedAt,
    DateTimeOffset LastAt,
    int ViolationCount,
    Guid FirstViolationId,
    string FaceUrl,
    string ViolationsUrl,
    string State,
    string? ReviewedBy,
    DateTimeOffset? ReviewedAt,
    string? ReviewNote)
{
    public static IncidentResponse From(IncidentSummary i) => new(
        i.Id, i.CameraId, i.StartedAt, i.LastAt, i.ViolationCount, i.FirstViolationId,
        $"/api/violations/{i.FirstViolationId}/face", $"/api/violations?incidentId={i.Id}",
        IncidentStates.Name(i.State), i.ReviewedBy, i.ReviewedAt, i.ReviewNote);
}

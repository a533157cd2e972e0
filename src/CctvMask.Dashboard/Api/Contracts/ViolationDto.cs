using System.Text.Json.Serialization;

namespace CctvMask.Dashboard.Api.Contracts;

/// <summary>One violation: an unmasked person seen by a camera, with their face crop and an evidence snapshot when stored.</summary>
public sealed record ViolationDto(
    Guid Id,
    string CameraId,
    DateTimeOffset OccurredAt,
    long TrackId,
    float Confidence,
    BoxDto? Box,
    string? SnapshotUrl,
    Guid? IncidentId = null)
{
    [JsonIgnore]
    public bool HasSnapshot => SnapshotUrl is not null;
}

using System.Text.Json.Serialization;

namespace CctvMask.Dashboard.Api.Contracts;

/// <summary>
/// One violation: an unmasked person (<see cref="Kind"/> "unmasked") or one wearing the mask below the nose
/// ("incorrect") seen by a camera, with their face crop and an evidence snapshot when stored.
/// </summary>
public sealed record ViolationDto(
    Guid Id,
    string CameraId,
    DateTimeOffset OccurredAt,
    long TrackId,
    float Confidence,
    BoxDto? Box,
    string? SnapshotUrl,
    Guid? IncidentId = null,
    string? Kind = null)
{
    /// <summary>The kind's wire name; servers from before the third class send none, and all theirs were unmasked.</summary>
    [JsonIgnore]
    public string KindName => Kind ?? "unmasked";

    [JsonIgnore]
    public bool HasSnapshot => SnapshotUrl is not null;
}

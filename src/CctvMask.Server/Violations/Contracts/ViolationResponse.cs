using CctvMask.Storage.Violations;

namespace CctvMask.Server.Violations.Contracts;

/// <summary>
/// A violation as the API returns it (box in the snapshot's pixels). <see cref="Kind"/>: "unmasked", or
/// "incorrect" for a mask worn below the nose or on the chin (then <see cref="Confidence"/> is p(mask_incorrect)).
/// </summary>
public sealed record ViolationResponse(
    Guid Id,
    string CameraId,
    DateTimeOffset OccurredAt,
    long TrackId,
    float Confidence,
    BoxResponse Box,
    string? SnapshotUrl,
    string FaceUrl,
    Guid? IncidentId,
    string Kind)
{
    public static ViolationResponse From(ViolationSummary v) => new(
        v.Id, v.CameraId, v.OccurredAt, v.TrackId, v.Confidence,
        new BoxResponse(v.Face.X, v.Face.Y, v.Face.Width, v.Face.Height),
        v.HasSnapshot ? $"/api/violations/{v.Id}/snapshot" : null,
        $"/api/violations/{v.Id}/face", v.IncidentId, v.Kind);
}

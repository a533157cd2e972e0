using CctvMask.Abstractions.Privacy;
using CctvMask.Abstractions.Violations;

namespace CctvMask.Storage.Violations;

/// <summary>
/// A violation as produced by the pipeline and written through <see cref="WriteBehind.IStorageWriter"/>.
/// <see cref="EventId"/> is generated once by the producer (<c>Guid.NewGuid()</c> / <c>Guid.CreateVersion7()</c>)
/// and is the row id: writing the same record twice stores it once.
/// </summary>
/// <param name="EventId">Idempotent id, also the violation id in the API.</param>
/// <param name="CameraId">Camera slug.</param>
/// <param name="OccurredAt">When the face was seen (stored as UTC, microsecond precision).</param>
/// <param name="TrackId">Tracker id of the person.</param>
/// <param name="Confidence">Classifier confidence of "without_mask" (of "mask_incorrect" for that kind), 0..1.</param>
/// <param name="Face">Face box in the snapshot's pixels.</param>
/// <param name="FaceJpeg">Best face crop, JPEG bytes (small; listed with the violation).</param>
/// <param name="SnapshotJpeg">Full frame with boxes drawn, JPEG bytes, or null; stored in its own table.</param>
/// <param name="Privacy">The camera's privacy mode when the evidence was made (a stricter mode at write time wins).</param>
/// <param name="Kind">Unmasked, or a mask worn incorrectly.</param>
public sealed record ViolationRecord(
    Guid EventId,
    string CameraId,
    DateTimeOffset OccurredAt,
    long TrackId,
    float Confidence,
    FaceBox Face,
    byte[] FaceJpeg,
    byte[]? SnapshotJpeg,
    PrivacyMode Privacy = PrivacyModes.Default,
    ViolationKind Kind = ViolationKind.Unmasked);

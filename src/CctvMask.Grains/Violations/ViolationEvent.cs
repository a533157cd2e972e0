using CctvMask.Abstractions.Privacy;
using CctvMask.Abstractions.Violations;
using CctvMask.Vision.Geometry;

namespace CctvMask.Grains.Violations;

/// <summary>
/// One unmasked person on one camera, with evidence. Created only when <see cref="ViolationPolicy"/>
/// says so, handed to <see cref="IViolationSink"/>.
/// </summary>
/// <param name="Id">Idempotency key (a retried write is the same violation).</param>
/// <param name="CameraId">Camera id.</param>
/// <param name="TrackId">Tracker id of the person (unique per camera run).</param>
/// <param name="OccurredAt">Time of the frame that raised it.</param>
/// <param name="Confidence">Mean p(without_mask) over the track's unmasked frames (p(mask_incorrect) over its incorrect ones for <see cref="ViolationKind.Incorrect"/>).</param>
/// <param name="FaceBox">Face box in the snapshot frame.</param>
/// <param name="FaceJpeg">Best face crop of the track (highest score × area), JPEG.</param>
/// <param name="SnapshotJpeg">The full frame with all boxes drawn, JPEG.</param>
/// <param name="FrameWidth">Snapshot width.</param>
/// <param name="FrameHeight">Snapshot height.</param>
/// <param name="Privacy">The camera's privacy mode the evidence was made under.</param>
/// <param name="Kind">Unmasked, or a mask worn incorrectly.</param>
public sealed record ViolationEvent(
    Guid Id,
    string CameraId,
    long TrackId,
    DateTimeOffset OccurredAt,
    float Confidence,
    BoxF FaceBox,
    byte[] FaceJpeg,
    byte[] SnapshotJpeg,
    int FrameWidth,
    int FrameHeight,
    PrivacyMode Privacy = PrivacyModes.Default,
    ViolationKind Kind = ViolationKind.Unmasked);

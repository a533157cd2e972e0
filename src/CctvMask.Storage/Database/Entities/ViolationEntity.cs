namespace CctvMask.Storage.Database.Entities;

/// <summary>
/// Row of <c>violations</c>. No foreign key to cameras on purpose: history outlives a deleted
/// camera, and a late event for a removed camera must not poison a write batch.
/// </summary>
internal sealed class ViolationEntity
{
    public Guid Id { get; set; }
    public required string CameraId { get; set; }
    public DateTime OccurredAt { get; set; }
    public long TrackId { get; set; }
    public float Confidence { get; set; }
    public int FaceX { get; set; }
    public int FaceY { get; set; }
    public int FaceWidth { get; set; }
    public int FaceHeight { get; set; }
    public required byte[] FaceJpeg { get; set; }
    public bool HasSnapshot { get; set; }
    /// <summary>The privacy mode the evidence was made under (a snapshot from <c>evidence</c> shows the violator's face).</summary>
    public string PrivacyMode { get; set; } = Abstractions.Privacy.PrivacyModes.Name(Abstractions.Privacy.PrivacyModes.Default);
    /// <summary>Wire name of the violation's kind ("unmasked", "incorrect"); rows from before the third class are "unmasked".</summary>
    public string Kind { get; set; } = Abstractions.Violations.ViolationKinds.Unmasked;
    public Guid? IncidentId { get; set; }
    public ViolationSnapshotEntity? Snapshot { get; set; }
}

namespace CctvMask.Storage.Database.Entities;

/// <summary>Row of <c>violation_snapshots</c>: the full-frame JPEG, kept apart so listings never load it.</summary>
internal sealed class ViolationSnapshotEntity
{
    public Guid ViolationId { get; set; }
    public required byte[] Jpeg { get; set; }
}

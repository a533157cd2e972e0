namespace CctvMask.Storage.Database.Entities;

/// <summary>Row of <c>compliance_buckets</c>: counts of one camera in one UTC minute, summed from deltas.</summary>
internal sealed class ComplianceBucketEntity
{
    public required string CameraId { get; set; }
    public DateTime BucketStart { get; set; }
    public long People { get; set; }
    public long Masked { get; set; }
    public long Unmasked { get; set; }
    public long Unknown { get; set; }
}

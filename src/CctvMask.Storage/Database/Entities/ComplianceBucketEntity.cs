namespace CctvMask.Storage.Database.Entities;

/// <summary>
/// Row of <c>compliance_buckets</c>: unique people of one camera in one UTC minute, hour or day
/// (<see cref="Granularity"/> = <see cref="Compliance.BucketSize"/>), summed from deltas. An hour row is
/// counted by the pipeline per hour, never summed from minutes (one person in two minutes is one person).
/// </summary>
internal sealed class ComplianceBucketEntity
{
    public required string CameraId { get; set; }
    public int Granularity { get; set; }
    public DateTime BucketStart { get; set; }
    public long People { get; set; }
    public long Masked { get; set; }
    public long Unmasked { get; set; }
    public long Unknown { get; set; }

    /// <summary>Of the people, those voted mask_incorrect (also counted in unmasked or masked, as configured).</summary>
    public long Incorrect { get; set; }
}

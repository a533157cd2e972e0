namespace CctvMask.Storage.Privacy;

/// <summary>What <see cref="PrivacyPurger"/> removed for a camera: whole violations, evidence snapshots, face crops.</summary>
public sealed record PrivacyPurgeResult(int ViolationsDeleted, int SnapshotsDeleted, int FaceCropsDeleted)
{
    /// <summary>Nothing removed.</summary>
    public static PrivacyPurgeResult None { get; } = new(0, 0, 0);

    /// <summary>True when something was removed.</summary>
    public bool Any => ViolationsDeleted + SnapshotsDeleted + FaceCropsDeleted > 0;

    /// <summary>The sum of two results.</summary>
    public PrivacyPurgeResult Add(PrivacyPurgeResult other) => new(
        ViolationsDeleted + other.ViolationsDeleted, SnapshotsDeleted + other.SnapshotsDeleted, FaceCropsDeleted + other.FaceCropsDeleted);
}

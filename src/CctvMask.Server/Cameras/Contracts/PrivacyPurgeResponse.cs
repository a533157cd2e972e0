using CctvMask.Storage.Privacy;

namespace CctvMask.Server.Cameras.Contracts;

/// <summary>What a switch to a stricter privacy mode deleted: whole violations, evidence snapshots, face crops.</summary>
public sealed record PrivacyPurgeResponse(string From, string To, int ViolationsDeleted, int SnapshotsDeleted, int FaceCropsDeleted)
{
    public static PrivacyPurgeResponse Create(string from, string to, PrivacyPurgeResult r) =>
        new(from, to, r.ViolationsDeleted, r.SnapshotsDeleted, r.FaceCropsDeleted);

    /// <summary>One line for the audit log.</summary>
    public override string ToString() =>
        $"privacy {From} -> {To}; purged {ViolationsDeleted} violations, {SnapshotsDeleted} snapshots, {FaceCropsDeleted} face crops";
}

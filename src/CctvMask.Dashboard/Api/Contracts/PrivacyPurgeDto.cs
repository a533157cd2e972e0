namespace CctvMask.Dashboard.Api.Contracts;

/// <summary>What a switch to a stricter privacy mode deleted (set on that PUT's response only).</summary>
public sealed record PrivacyPurgeDto(string From, string To, int ViolationsDeleted, int SnapshotsDeleted, int FaceCropsDeleted);

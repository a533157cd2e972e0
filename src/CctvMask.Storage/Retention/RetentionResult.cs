namespace CctvMask.Storage.Retention;

/// <summary>Rows removed by one retention run.</summary>
public readonly record struct RetentionResult(int Violations, int Snapshots, int AppliedEvents, int ComplianceBuckets, DateTimeOffset Cutoff,
    int AuditLines = 0, int PrivacyPurged = 0);

using System.ComponentModel.DataAnnotations;

namespace CctvMask.Server.Audit;

/// <summary>Paging and export of GET /api/audit (section "Audit"); MaxPageSize must not exceed Storage:MaxPageSize. Retention is Storage:AuditRetentionDays.</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Audit";

    [Range(1, 1000)] public int DefaultPageSize { get; set; } = 50;
    [Range(1, 1000)] public int MaxPageSize { get; set; } = 200;

    /// <summary>
    /// A polled read (the live frame, refreshed every second by an open camera page) is recorded once per key, address,
    /// camera and outcome within this many seconds; 0 records every poll.
    /// </summary>
    [Range(0, 3600)] public int RepeatWindowSeconds { get; set; } = 60;

    /// <summary>Most lines one CSV export holds (newest first); a query matching more is refused (400).</summary>
    [Range(1, 1_000_000)] public int MaxExportRows { get; set; } = 100_000;
}

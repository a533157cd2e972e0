using System.ComponentModel.DataAnnotations;

namespace CctvMask.Server.Compliance;

/// <summary>Defaults of compliance queries (section "Compliance"); point limits come from Storage:MaxSeriesPoints.</summary>
public sealed class ComplianceOptions
{
    public const string SectionName = "Compliance";

    /// <summary>Range used when the client gives no 'from', in hours before 'to'.</summary>
    [Range(1, 24 * 366)] public int DefaultRangeHours { get; set; } = 24;

    /// <summary>
    /// Smallest bucket served for a camera in 'statistics' privacy mode, in minutes (minute requests are folded into
    /// buckets this wide, UTC-aligned): 20 is what the French mask-rate decree allows. Must divide a day.
    /// </summary>
    [Range(1, 1440)] public int StatisticsMinBucketMinutes { get; set; } = 20;

    /// <summary>Most rows one CSV export (GET /api/compliance/export.csv) holds; a range holding more is refused (400).</summary>
    [Range(1, 1_000_000)] public int MaxExportRows { get; set; } = 100_000;
}

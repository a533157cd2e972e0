using System.ComponentModel.DataAnnotations;

namespace CctvMask.Dashboard.Hosting;

/// <summary>Dashboard settings (section "Dashboard"). Every refresh rate and page size lives here.</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>
    /// Base address of the HTTP API the dashboard calls (e.g. http://127.0.0.1:8080/). Empty = the
    /// server's own first listening address, with wildcard hosts replaced by loopback.
    /// </summary>
    [Url]
    public string? ApiBaseAddress { get; set; }

    /// <summary>Timeout of one API call made by the dashboard, in seconds.</summary>
    [Range(1, 300)]
    public int ApiTimeoutSeconds { get; set; } = 30;

    /// <summary>How often the fleet overview reloads the fleet summary, in seconds.</summary>
    [Range(1, 300)]
    public int FleetRefreshSeconds { get; set; } = 5;

    /// <summary>How often the fleet overview reloads the 24 h sparklines, in seconds (one call per camera).</summary>
    [Range(5, 3600)]
    public int SparklineRefreshSeconds { get; set; } = 60;

    /// <summary>How often the camera page swaps in the latest annotated frame, in milliseconds.</summary>
    [Range(200, 60_000)]
    public int LiveViewRefreshMilliseconds { get; set; } = 1000;

    /// <summary>How often the camera page reloads its status, in seconds.</summary>
    [Range(1, 300)]
    public int CameraStatusRefreshSeconds { get; set; } = 3;

    /// <summary>Violation thumbnails per gallery page on the camera page.</summary>
    /// <summary>Compliance target drawn as a dashed line on the camera page's chart (percent).</summary>
    [Range(0.0, 100.0)]
    public double ComplianceTargetPercent { get; set; } = 95;

    /// <summary>Automatic bucket: minute buckets for a shown span up to this many hours.</summary>
    [Range(1, 48)]
    public int MinuteBucketMaxHours { get; set; } = 6;

    /// <summary>Automatic bucket: hour buckets for a shown span up to this many days, day buckets beyond.</summary>
    [Range(1, 365)]
    public int HourBucketMaxDays { get; set; } = 14;

    /// <summary>Most buckets one chart asks for (a custom range with a fine bucket is refused above this).</summary>
    [Range(10, 20_000)]
    public int MaxChartPoints { get; set; } = 2_000;

    [Range(1, 100)]
    public int GalleryPageSize { get; set; } = 12;

    /// <summary>Rows per page on the violations page.</summary>
    [Range(5, 200)]
    public int ViolationsPageSize { get; set; } = 25;

    /// <summary>Page size used while walking the API for a CSV export (the API's maximum page size or less).</summary>
    [Range(10, 1000)]
    public int ExportPageSize { get; set; } = 200;

    /// <summary>Upper bound on rows in one CSV export, so one click cannot walk the whole history; a range holding more is refused.</summary>
    [Range(1, 10_000_000)]
    public int ExportMaxRows { get; set; } = 100_000;

    /// <summary>How long a login lasts before the key must be entered again, in hours.</summary>
    [Range(1, 24 * 30)]
    public int SessionHours { get; set; } = 12;
}

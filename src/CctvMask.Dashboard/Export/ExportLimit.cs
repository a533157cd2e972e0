using System.Globalization;

namespace CctvMask.Dashboard.Export;

/// <summary>
/// The one rule for a dashboard export too large for one file (<c>Dashboard:ExportMaxRows</c>, violations and audit
/// lines alike): the page says it before the button is pressed, and the export endpoint refuses with the same words if
/// asked anyway (a link kept from before). Never a file cut short at the cap.
/// </summary>
public static class ExportLimit
{
    /// <summary>Why a violations range holding <paramref name="total"/> rows cannot be exported, or null when it can.</summary>
    public static string? TooManyViolations(long total, int maxRows) =>
        TooMany(total, maxRows, "violations", "Narrow the range (from, to) or pick one camera and export the parts.");

    /// <summary>Why an audit filter matching <paramref name="total"/> lines cannot be exported, or null when it can.</summary>
    public static string? TooManyAuditLines(long total, int maxRows) =>
        TooMany(total, maxRows, "audit lines", "Narrow the filter (from, to, key, action or outcome) and export the parts.");

    private static string? TooMany(long total, int maxRows, string rows, string narrow) =>
        total <= maxRows
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"This filter matches {total:N0} {rows}; one export holds at most {maxRows:N0} (Dashboard:ExportMaxRows). {narrow}");
}

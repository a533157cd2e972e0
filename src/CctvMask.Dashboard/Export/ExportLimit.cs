using System.Globalization;

namespace CctvMask.Dashboard.Export;

/// <summary>
/// The one rule for a violations export too large for one file (<c>Dashboard:ExportMaxRows</c>): the page says it before
/// the button is pressed, and the export endpoint refuses with the same words if asked anyway (a link kept from before).
/// </summary>
public static class ExportLimit
{
    /// <summary>Why a range holding <paramref name="total"/> violations cannot be exported, or null when it can.</summary>
    public static string? TooMany(long total, int maxRows) =>
        total <= maxRows
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"This range holds {total:N0} violations; one export holds at most {maxRows:N0} (Dashboard:ExportMaxRows). Narrow the range (from, to) or pick one camera and export the parts.");
}

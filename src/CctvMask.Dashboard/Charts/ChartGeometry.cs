using System.Globalization;
using CctvMask.Dashboard.Api.Contracts;

namespace CctvMask.Dashboard.Charts;

/// <summary>
/// The shared time axis of the camera page's charts (pure): every chart built from the same slots puts
/// bucket i at the same horizontal percentage of its plot, so charts stacked in one column line up.
/// Plots draw in a 0..100 × 0..100 SVG box stretched to the plot area; labels are HTML at the same
/// percentages, so text keeps its size at any width.
/// </summary>
public static class ChartGeometry
{
    /// <summary>Left edge of slot <paramref name="index"/> of <paramref name="count"/>, in percent of the plot width.</summary>
    public static double Left(int index, int count) => count <= 0 ? 0 : 100.0 * index / count;

    /// <summary>Width of one slot in percent of the plot width.</summary>
    public static double Width(int count) => count <= 0 ? 100 : 100.0 / count;

    /// <summary>Centre of a slot in percent of the plot width.</summary>
    public static double Centre(int index, int count) => Left(index, count) + Width(count) / 2;

    /// <summary>Height (percent from the bottom) of <paramref name="value"/> on a 0..<paramref name="max"/> axis.</summary>
    public static double Up(double value, double max) => max <= 0 ? 0 : Math.Clamp(100.0 * value / max, 0, 100);

    /// <summary>A round axis maximum ≥ <paramref name="value"/> (1, 2, 5 × 10ⁿ), at least 1.</summary>
    public static double NiceMax(double value)
    {
        if (value <= 1) return 1;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1, 2, 5, 10 })
            if (step * magnitude >= value) return step * magnitude;
        return 10 * magnitude;
    }

    /// <summary>Indices of the slots that get a time label: at most <paramref name="maxLabels"/>, evenly spaced, the first included.</summary>
    public static IReadOnlyList<int> TickIndices(int count, int maxLabels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLabels, 1);
        var every = Math.Max(1, (int)Math.Ceiling(count / (double)maxLabels));
        var ticks = new List<int>();
        for (var i = 0; i < count; i += every) ticks.Add(i);
        return ticks;
    }

    /// <summary>
    /// A slot's time label: HH:mm for minutes and hours, the date (MM-dd) instead at midnight, MM-dd for days. Every label
    /// is five characters: a longer midnight label ("MM-dd HH:mm") near the right end pushed a 390 px phone page 2 px wider
    /// than the screen whenever the chart's range crossed midnight.
    /// </summary>
    public static string TickLabel(DateTimeOffset start, ComplianceBucket bucket)
    {
        var utc = start.UtcDateTime;
        return bucket == ComplianceBucket.Day || utc.TimeOfDay == TimeSpan.Zero
            ? utc.ToString("MM-dd", CultureInfo.InvariantCulture)
            : utc.ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// SVG path (0..100 box, y down) through the slots that have a value; a gap (null) breaks the line, and a
    /// value with no neighbour is drawn as a short flat dash so a single bucket is never invisible.
    /// </summary>
    public static string LinePath(IReadOnlyList<double?> values, double max)
    {
        var sb = new System.Text.StringBuilder();
        var n = values.Count;
        for (var i = 0; i < n; i++)
        {
            if (values[i] is not { } v) continue;
            var x = Centre(i, n);
            var y = 100 - Up(v, max);
            var joined = i > 0 && values[i - 1] is not null;
            var isolated = !joined && (i + 1 >= n || values[i + 1] is null);
            if (isolated)
            {
                var half = Math.Max(Width(n) / 4, 0.4);
                sb.Append(CultureInfo.InvariantCulture, $"M{x - half:0.###} {y:0.###}L{x + half:0.###} {y:0.###}");
            }
            else
            {
                sb.Append(joined ? 'L' : 'M').Append(CultureInfo.InvariantCulture, $"{x:0.###} {y:0.###}");
            }
        }
        return sb.ToString();
    }
}

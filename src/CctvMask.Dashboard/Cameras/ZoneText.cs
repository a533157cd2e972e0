using System.Globalization;
using System.Text;
using CctvMask.Dashboard.Api.Contracts;

namespace CctvMask.Dashboard.Cameras;

/// <summary>
/// Zones as editable text, one zone a line: <c>name: x,y x,y x,y</c> with normalised (0..1)
/// coordinates, e.g. <c>door: 0.1,0.1 0.9,0.1 0.9,0.9</c>. Only the syntax is checked here; the
/// API owns the rules (vertex count, range, names) and reports them per zone.
/// </summary>
public static class ZoneText
{
    private const char NameSeparator = ':';
    private const char CoordinateSeparator = ',';

    /// <summary>The text of a camera's zones (empty when it has none).</summary>
    public static string Format(IReadOnlyList<CameraZoneDto>? zones)
    {
        if (zones is null || zones.Count == 0) return "";
        var text = new StringBuilder();
        foreach (var zone in zones)
        {
            if (text.Length > 0) text.Append('\n');
            text.Append(zone.Name).Append(NameSeparator);
            foreach (var p in zone.Points)
                text.Append(' ').Append(Number(p.X)).Append(CoordinateSeparator).Append(Number(p.Y));
        }
        return text.ToString();
    }

    /// <summary>
    /// Parses the text; blank lines are skipped and an empty text means no zones. On a syntax error
    /// returns false with a message naming the line.
    /// </summary>
    public static bool TryParse(string? text, out IReadOnlyList<CameraZoneDto> zones, out string? error)
    {
        var parsed = new List<CameraZoneDto>();
        zones = parsed;
        error = null;
        var lines = (text ?? "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            var colon = line.IndexOf(NameSeparator);
            if (colon < 0)
            {
                error = $"Line {i + 1}: write the zone as 'name: x,y x,y x,y'.";
                return false;
            }
            var points = new List<ZonePointDto>();
            foreach (var pair in line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var xy = pair.Split(CoordinateSeparator);
                if (xy.Length != 2 || !TryNumber(xy[0], out var x) || !TryNumber(xy[1], out var y))
                {
                    error = $"Line {i + 1}: '{pair}' is not a point; write x,y with a dot for decimals (e.g. 0.25,0.5).";
                    return false;
                }
                points.Add(new ZonePointDto(x, y));
            }
            parsed.Add(new CameraZoneDto(line[..colon].Trim(), points));
        }
        return true;
    }

    private static string Number(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);

    private static bool TryNumber(string s, out double v) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out v) && double.IsFinite(v);
}

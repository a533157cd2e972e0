using CctvMask.Dashboard.Api.Contracts;

namespace CctvMask.Dashboard.Fleet;

/// <summary>A fleet table row: the API's summary plus the camera's 24 h compliance sparkline.</summary>
public sealed record FleetRow(FleetCameraDto Camera, double?[] Sparkline)
{
    public static double? Percent(double? share) => share is { } s ? Math.Round(s * 100, 1) : null;

    /// <summary>Text/state filter of the fleet table (case-insensitive; "all" or empty matches every state).</summary>
    public bool Matches(string? text, string? state)
    {
        if (!string.IsNullOrWhiteSpace(text) && !Camera.Name.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase))
            return false;
        if (string.IsNullOrEmpty(state) || state == "all") return true;
        var own = Camera.Enabled ? Camera.State : "disabled";
        return string.Equals(own, state, StringComparison.OrdinalIgnoreCase);
    }
}

using CctvMask.Dashboard.Api.Contracts;

namespace CctvMask.Dashboard.Fleet;

/// <summary>A fleet table row: the API's summary plus the camera's 24 h compliance sparkline.</summary>
public sealed record FleetRow(FleetCameraDto Camera, double?[] Sparkline, double? AssessableShare)
{
    /// <summary>The camera's state in the API's words (running, reconnecting, failed, …; disabled).</summary>
    public string DisplayState => Cameras.CameraStates.Display(Camera.State, Camera.Enabled);

    /// <summary>Only a running camera has "now" values (fps, compliance now); any other shows "—", never a stale number.</summary>
    public bool IsStreaming => DisplayState == Cameras.CameraStates.Running;

    /// <summary>Share of seen people whose face could be judged (masked or unmasked), from a range total.</summary>
    public static double? Assessable(CompliancePointDto? total)
    {
        if (total is null) return null;
        var all = Math.Max(total.People, total.Masked + total.Unmasked + total.Unknown);
        return all == 0 ? null : (double)(total.Masked + total.Unmasked) / all;
    }

    public static double? Percent(double? share) => share is { } s ? Math.Round(s * 100, 1) : null;

    /// <summary>Text/state filter of the fleet table (case-insensitive; "all" or empty matches every state).</summary>
    public bool Matches(string? text, string? state)
    {
        if (!string.IsNullOrWhiteSpace(text) && !Camera.Name.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase))
            return false;
        if (string.IsNullOrEmpty(state) || state == "all") return true;
        return string.Equals(DisplayState, state, StringComparison.OrdinalIgnoreCase);
    }
}

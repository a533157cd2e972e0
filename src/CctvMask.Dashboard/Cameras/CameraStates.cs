namespace CctvMask.Dashboard.Cameras;

/// <summary>
/// The camera states as the API and the metrics name them (running, starting, reconnecting, failed, stopped),
/// shown as they are so the dashboard, /api and Grafana speak one vocabulary; a disabled camera is "disabled"
/// whatever its grain says (the API's enabled flag).
/// </summary>
public static class CameraStates
{
    public const string Running = "running";
    public const string Starting = "starting";
    public const string Reconnecting = "reconnecting";
    public const string Failed = "failed";
    public const string Stopped = "stopped";
    public const string Disabled = "disabled";
    public const string Unknown = "unknown";

    /// <summary>The states an operator can filter by, in order of interest.</summary>
    public static readonly IReadOnlyList<string> Filterable = [Running, Starting, Reconnecting, Failed, Stopped, Disabled];

    public static string Display(string? state, bool enabled)
    {
        if (!enabled) return Disabled;
        return state?.Trim().ToLowerInvariant() switch
        {
            null or "" => Unknown,
            var known => known,
        };
    }

    /// <summary>What a state means, for a tooltip.</summary>
    public static string Describe(string display) => display switch
    {
        Running => "Frames arrive and are analysed.",
        Starting => "Connecting to the stream; waiting for the first frame.",
        Reconnecting => "The stream dropped or froze; reconnecting with backoff.",
        Failed => "Stopped on an error (see the last error); the server retries.",
        Stopped => "Not running on any server right now.",
        Disabled => "Disabled by an administrator: not analysed.",
        _ => "The server did not report a state.",
    };
}

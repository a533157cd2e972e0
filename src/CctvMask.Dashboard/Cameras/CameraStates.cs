namespace CctvMask.Dashboard.Cameras;

/// <summary>
/// Operator words for the grain's states: running = streaming, reconnecting = stalled,
/// failed = error; a disabled camera is "disabled" whatever its grain says.
/// </summary>
public static class CameraStates
{
    public const string Streaming = "streaming";
    public const string Stalled = "stalled";
    public const string Error = "error";
    public const string Starting = "starting";
    public const string Stopped = "stopped";
    public const string Disabled = "disabled";
    public const string Unknown = "unknown";

    public static string Display(string? state, bool enabled)
    {
        if (!enabled) return Disabled;
        return state?.Trim().ToLowerInvariant() switch
        {
            "running" or Streaming => Streaming,
            "reconnecting" or Stalled => Stalled,
            "failed" or Error => Error,
            Starting => Starting,
            Stopped => Stopped,
            null or "" => Unknown,
            var other => other,
        };
    }
}

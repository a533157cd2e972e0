namespace CctvMask.Grains.Cameras;

/// <summary>The one word for each <see cref="CameraState"/>, shared by the API, the dashboard and the metrics.</summary>
public static class CameraStateName
{
    /// <summary>stopped, starting, running, reconnecting or failed.</summary>
    public static string Of(CameraState state) => state switch
    {
        CameraState.Stopped => "stopped",
        CameraState.Starting => "starting",
        CameraState.Running => "running",
        CameraState.Reconnecting => "reconnecting",
        CameraState.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown camera state."),
    };
}

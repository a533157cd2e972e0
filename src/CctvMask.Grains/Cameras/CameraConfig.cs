namespace CctvMask.Grains.Cameras;

/// <summary>
/// Desired configuration of one camera, as the database holds it. Record equality decides whether
/// a running camera must restart (<see cref="ICameraGrain.EnsureRunningAsync"/>).
/// </summary>
/// <param name="CameraId">Stable id (the grain key): 1–64 letters, digits, '.', '_' or '-'.</param>
/// <param name="Url">rtsp(s)://, http(s)://, file path or /dev/videoN; may hold credentials (never logged).</param>
/// <param name="Enabled">False stops the camera.</param>
/// <param name="DetectFps">Frames per second analysed (null = every decoded frame).</param>
/// <param name="AnalysisSize">Analysis frame size: "native", a width ("640") or "WxH"; null = native.</param>
[GenerateSerializer, Immutable, Alias("CctvMask.CameraConfig")]
public sealed record CameraConfig(
    [property: Id(0)] string CameraId,
    [property: Id(1)] string Url,
    [property: Id(2)] bool Enabled = true,
    [property: Id(3)] double? DetectFps = 5,
    [property: Id(4)] string? AnalysisSize = null)
{
    /// <summary>The URL with any password replaced (safe for logs and status).</summary>
    public override string ToString() =>
        $"CameraConfig {{ CameraId = {CameraId}, Url = {Video.Security.UrlScrubber.Scrub(Url)}, Enabled = {Enabled}, DetectFps = {DetectFps}, AnalysisSize = {AnalysisSize} }}";
}

using CctvMask.Abstractions.Privacy;
using CctvMask.Grains.Zones;

namespace CctvMask.Grains.Cameras;

/// <summary>
/// Desired configuration of one camera, as the database holds it. Record equality decides whether
/// a running camera must restart (<see cref="ICameraGrain.EnsureRunningAsync"/>); zones compare by value.
/// </summary>
/// <param name="CameraId">Stable id (the grain key): 1–64 letters, digits, '.', '_' or '-'.</param>
/// <param name="Url">rtsp(s)://, http(s)://, file path or /dev/videoN; may hold credentials (never logged).</param>
/// <param name="Enabled">False stops the camera.</param>
/// <param name="DetectFps">Frames per second analysed (null = every decoded frame).</param>
/// <param name="AnalysisWidth">Width frames are scaled to for analysis; 0 with <paramref name="AnalysisHeight"/> 0 = native size.</param>
/// <param name="AnalysisHeight">Height frames are scaled to; 0 = keep the aspect ratio of <paramref name="AnalysisWidth"/>.</param>
/// <param name="MotionGating">Skip phase 1 while nothing moves (tracks are kept; bounded by the loop's maximum skip).</param>
/// <param name="SmallFaceLongSide">Long side of the detector's small-face pass for this camera; 0 = no pass.</param>
/// <param name="Zones">Where faces count (box centre inside a polygon); null or empty = the whole frame.</param>
/// <param name="Privacy">What the camera keeps and shows of people (pixelation of snapshots and the live view, or no images at all).</param>
[GenerateSerializer, Immutable, Alias("CctvMask.CameraConfig")]
public sealed record CameraConfig(
    [property: Id(0)] string CameraId,
    [property: Id(1)] string Url,
    [property: Id(2)] bool Enabled = true,
    [property: Id(3)] double? DetectFps = 5,
    [property: Id(4)] int AnalysisWidth = 0,
    [property: Id(5)] int AnalysisHeight = 0,
    [property: Id(6)] bool MotionGating = true,
    [property: Id(7)] int SmallFaceLongSide = 0,
    [property: Id(8)] ZoneSet? Zones = null,
    [property: Id(9)] PrivacyMode Privacy = PrivacyModes.Default)
{
    /// <summary>The URL with any password replaced (safe for logs and status).</summary>
    public override string ToString() =>
        $"CameraConfig {{ CameraId = {CameraId}, Url = {Video.Security.UrlScrubber.Scrub(Url)}, Enabled = {Enabled}, DetectFps = {DetectFps}, " +
        $"Analysis = {AnalysisWidth}x{AnalysisHeight}, MotionGating = {MotionGating}, SmallFaceLongSide = {SmallFaceLongSide}, Zones = {Zones?.Count ?? 0}, Privacy = {PrivacyModes.Name(Privacy)} }}";
}

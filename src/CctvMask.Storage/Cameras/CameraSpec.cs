using CctvMask.Abstractions.Privacy;

namespace CctvMask.Storage.Cameras;

/// <summary>
/// What an operator sets on a camera (create and full update). <see cref="Url"/> may carry
/// credentials: it is stored as given and must be scrubbed by whoever shows it.
/// </summary>
/// <param name="Name">Display name, 1..200 characters.</param>
/// <param name="Url">Stream URL (rtsp://, http(s)://, file://...), absolute, up to 2048 characters.</param>
/// <param name="Enabled">Whether the fleet should run this camera.</param>
/// <param name="DetectFps">Frames analysed per second, (0, 60].</param>
/// <param name="AnalysisWidth">Width frames are scaled to for analysis, 16..7680.</param>
/// <param name="AnalysisHeight">Height frames are scaled to for analysis, 16..4320.</param>
/// <param name="Zones">Optional polygons; null or empty means the whole frame.</param>
/// <param name="MotionGating">Skip detection while nothing moves in the frame.</param>
/// <param name="SmallFacePass">Run the detector's second, larger pass for small (distant) faces.</param>
/// <param name="SmallFaceLongSide">Long side of that pass in pixels (<see cref="CameraSettingLimits"/>); kept when the pass is off.</param>
/// <param name="Privacy">What the camera keeps and shows of people (<see cref="PrivacyMode"/>).</param>
/// <param name="RetentionDays">Days its violations are kept (1..<see cref="CameraSettingLimits.MaxRetentionDays"/>); null = the global default.</param>
public sealed record CameraSpec(
    string Name,
    string Url,
    bool Enabled = true,
    double DetectFps = 5,
    int AnalysisWidth = 640,
    int AnalysisHeight = 360,
    IReadOnlyList<CameraZone>? Zones = null,
    bool MotionGating = CameraSettingLimits.DefaultMotionGating,
    bool SmallFacePass = CameraSettingLimits.DefaultSmallFacePass,
    int SmallFaceLongSide = CameraSettingLimits.DefaultSmallFaceLongSide,
    PrivacyMode Privacy = PrivacyModes.Default,
    int? RetentionDays = null);

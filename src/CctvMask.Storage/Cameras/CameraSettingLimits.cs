namespace CctvMask.Storage.Cameras;

/// <summary>
/// Defaults and bounds of a camera's analysis settings (motion gating, the small-face pass): the
/// one place the API, the repository, the dashboard's helper texts and the migrations' defaults
/// for existing rows agree on.
/// </summary>
public static class CameraSettingLimits
{
    /// <summary>Motion gating is on unless turned off: a static scene then costs almost nothing.</summary>
    public const bool DefaultMotionGating = true;

    /// <summary>The small-face pass costs about 4× phase 1, so a camera opts in.</summary>
    public const bool DefaultSmallFacePass = false;

    /// <summary>Long side of the small-face pass when a request does not say (1.5× the 640 px first pass).</summary>
    public const int DefaultSmallFaceLongSide = 960;

    /// <summary>Smallest long side of the small-face pass (below the first pass it would never run).</summary>
    public const int MinSmallFaceLongSide = 320;

    /// <summary>Largest long side: beyond 1920 px one frame costs more than a 2-core silo can give a camera.</summary>
    public const int MaxSmallFaceLongSide = 1920;

    /// <summary>
    /// The detector pads dynamic inputs to multiples of its largest stride (Vision's
    /// <c>InputGeometry.Alignment</c>, 32): other sizes would only add padding.
    /// </summary>
    public const int SmallFaceLongSideStep = 32;

    /// <summary>Longest per-camera retention: ten years.</summary>
    public const int MaxRetentionDays = 3650;

    /// <summary>True when <paramref name="days"/> is a per-camera retention (null = the global default).</summary>
    public static bool IsValidRetentionDays(int? days) => days is null or (>= 1 and <= MaxRetentionDays);

    /// <summary>The retention rule as a sentence for validation messages.</summary>
    public static string RetentionDaysRule { get; } = $"The retention must be between 1 and {MaxRetentionDays} days (or absent for the global default).";

    /// <summary>True when <paramref name="longSide"/> is a size the small-face pass accepts.</summary>
    public static bool IsValidSmallFaceLongSide(int longSide) =>
        longSide is >= MinSmallFaceLongSide and <= MaxSmallFaceLongSide && longSide % SmallFaceLongSideStep == 0;

    /// <summary>The rule as a sentence for validation messages.</summary>
    public static string SmallFaceLongSideRule { get; } =
        $"The small-face pass size must be between {MinSmallFaceLongSide} and {MaxSmallFaceLongSide} pixels and a multiple of {SmallFaceLongSideStep}.";
}

using CctvMask.Abstractions.Cameras;
using CctvMask.Storage.Database;

namespace CctvMask.Storage.Cameras;

/// <summary>Input rules for camera ids and specs; violations throw <see cref="ArgumentException"/> (HTTP 400).</summary>
internal static class CameraValidator
{
    private const double MaxDetectFps = 60;
    private const int MinSize = 16;
    private const int MaxWidth = 7680;
    private const int MaxHeight = 4320;
    private const int MinZonePoints = 3;

    // The id rule is shared with ingest and the API: CameraIdRule owns it.
    public static bool IsValidId(string? id) => CameraIdRule.IsValid(id);

    public static void ValidateId(string? id) => CameraIdRule.Validate(id, nameof(id));

    public static void Validate(CameraSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (string.IsNullOrWhiteSpace(spec.Name) || spec.Name.Length > CameraLimits.NameMaxLength)
            throw new ArgumentException($"Camera name must be 1-{CameraLimits.NameMaxLength} characters.", nameof(spec));
        if (string.IsNullOrWhiteSpace(spec.Url) || spec.Url.Length > CameraLimits.UrlMaxLength
            || !Uri.TryCreate(spec.Url, UriKind.Absolute, out _))
            throw new ArgumentException($"Camera url must be an absolute URL of at most {CameraLimits.UrlMaxLength} characters.", nameof(spec));
        if (!(spec.DetectFps > 0 && spec.DetectFps <= MaxDetectFps))
            throw new ArgumentException($"Camera detect fps must be in (0, {MaxDetectFps}].", nameof(spec));
        if (spec.AnalysisWidth is < MinSize or > MaxWidth || spec.AnalysisHeight is < MinSize or > MaxHeight)
            throw new ArgumentException($"Camera analysis size must be {MinSize}..{MaxWidth} x {MinSize}..{MaxHeight}.", nameof(spec));
        if (!CameraSettingLimits.IsValidSmallFaceLongSide(spec.SmallFaceLongSide))
            throw new ArgumentException(CameraSettingLimits.SmallFaceLongSideRule, nameof(spec));
        if (!Enum.IsDefined(spec.Privacy))
            throw new ArgumentException($"Camera privacy mode must be {Abstractions.Privacy.PrivacyModes.Description}.", nameof(spec));
        if (!CameraSettingLimits.IsValidRetentionDays(spec.RetentionDays))
            throw new ArgumentException(CameraSettingLimits.RetentionDaysRule, nameof(spec));
        if (spec.Zones is null) return;
        if (spec.Zones.Count > CameraLimits.MaxZones)
            throw new ArgumentException($"A camera has at most {CameraLimits.MaxZones} zones.", nameof(spec));
        foreach (var zone in spec.Zones)
        {
            if (zone is null || string.IsNullOrWhiteSpace(zone.Name) || zone.Name.Length > CameraLimits.ZoneNameMaxLength)
                throw new ArgumentException($"Zone names must be 1-{CameraLimits.ZoneNameMaxLength} characters.", nameof(spec));
            if (zone.Points is null || zone.Points.Count is < MinZonePoints or > CameraLimits.MaxZonePoints)
                throw new ArgumentException(
                    $"Zone '{zone.Name}' needs {MinZonePoints}-{CameraLimits.MaxZonePoints} points.", nameof(spec));
            foreach (var p in zone.Points)
                if (!(p.X is >= 0 and <= 1) || !(p.Y is >= 0 and <= 1))
                    throw new ArgumentException(
                        $"Zone '{zone.Name}' points must be normalized coordinates in [0, 1].", nameof(spec));
        }
    }
}

using CctvMask.Abstractions.Privacy;
using CctvMask.Storage.Cameras;

namespace CctvMask.Server.Cameras.Contracts;

/// <summary>
/// A camera as the API returns it: the URL never carries a password. <see cref="Purged"/> is set on the PUT that made
/// the privacy mode stricter: what was deleted because the new mode would not have stored it.
/// </summary>
public sealed record CameraResponse(
    string Id,
    string Name,
    string Url,
    bool Enabled,
    double DetectFps,
    int AnalysisWidth,
    int AnalysisHeight,
    IReadOnlyList<CameraZone> Zones,
    bool MotionGating,
    bool SmallFacePass,
    int SmallFaceLongSide,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string PrivacyMode,
    int? RetentionDays,
    PrivacyPurgeResponse? Purged = null)
{
    public static CameraResponse From(CameraRecord c) => new(
        c.Id, c.Name, CameraUrl.Redact(c.Url), c.Enabled, c.DetectFps, c.AnalysisWidth, c.AnalysisHeight,
        c.Zones, c.MotionGating, c.SmallFacePass, c.SmallFaceLongSide, c.CreatedAt, c.UpdatedAt,
        PrivacyModes.Name(c.Privacy), c.RetentionDays);
}

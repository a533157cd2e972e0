using CctvMask.Abstractions.Privacy;
using CctvMask.Storage.Cameras;

namespace CctvMask.Storage.Database.Entities;

/// <summary>Row of <c>cameras</c>. Zones are a JSON array (text on SQLite, jsonb on PostgreSQL).</summary>
internal sealed class CameraEntity
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public required string Url { get; set; }
    public bool Enabled { get; set; }
    public double DetectFps { get; set; }
    public int AnalysisWidth { get; set; }
    public int AnalysisHeight { get; set; }
    public string ZonesJson { get; set; } = "[]";
    public bool MotionGating { get; set; } = CameraSettingLimits.DefaultMotionGating;
    public bool SmallFacePass { get; set; } = CameraSettingLimits.DefaultSmallFacePass;
    public int SmallFaceLongSide { get; set; } = CameraSettingLimits.DefaultSmallFaceLongSide;
    /// <summary>The privacy mode's name (<see cref="PrivacyModes.Name"/>).</summary>
    public string PrivacyMode { get; set; } = PrivacyModes.Name(PrivacyModes.Default);
    /// <summary>Days violations of this camera are kept; null = the global <c>Storage:RetentionDays</c>.</summary>
    public int? RetentionDays { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

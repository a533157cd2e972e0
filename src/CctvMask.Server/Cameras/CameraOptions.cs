using System.ComponentModel.DataAnnotations;

namespace CctvMask.Server.Cameras;

/// <summary>Bounds and defaults of the camera API (section "Cameras"); all inside the storage limits.</summary>
public sealed class CameraOptions
{
    public const string SectionName = "Cameras";

    [Range(0.1, 60)] public double MinDetectFps { get; set; } = 0.2;
    [Range(0.1, 60)] public double MaxDetectFps { get; set; } = 30;
    [Range(0.1, 60)] public double DefaultDetectFps { get; set; } = 5;
    [Range(16, 7680)] public int MinAnalysisSize { get; set; } = 96;
    [Range(16, 7680)] public int MaxAnalysisWidth { get; set; } = 3840;
    [Range(16, 4320)] public int MaxAnalysisHeight { get; set; } = 2160;
    [Range(16, 7680)] public int DefaultAnalysisWidth { get; set; } = 640;
    [Range(16, 4320)] public int DefaultAnalysisHeight { get; set; } = 360;
    [Range(1, 200)] public int MaxNameLength { get; set; } = 100;
    [Range(0, 32)] public int MaxZones { get; set; } = 16;
    [Range(3, 64)] public int MaxZonePoints { get; set; } = 64;
    [Range(1, 100)] public int MaxZoneNameLength { get; set; } = 100;
}

using System.Globalization;
using CctvMask.Grains.Cameras;
using CctvMask.Storage.Cameras;

namespace CctvMask.Server.Cameras;

/// <summary>Stored camera → the configuration its grain runs.</summary>
public static class CameraConfigMapper
{
    public static CameraConfig ToConfig(CameraRecord c) => new(
        c.Id, c.Url, c.Enabled, c.DetectFps,
        string.Create(CultureInfo.InvariantCulture, $"{c.AnalysisWidth}x{c.AnalysisHeight}"));
}

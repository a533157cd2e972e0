using System.ComponentModel.DataAnnotations;

namespace CctvMask.Server.Detect;

/// <summary>POST /api/detect limits (section "Detect").</summary>
public sealed class DetectOptions
{
    public const string SectionName = "Detect";

    /// <summary>Largest accepted upload, in bytes (the only endpoint allowed past the small default).</summary>
    [Range(1_024, 512L * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 16 * 1024 * 1024;
}

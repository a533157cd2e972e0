using System.ComponentModel.DataAnnotations;

namespace CctvMask.Grains.Violations;

/// <summary>Violation policy and evidence settings (config section <c>Cctv:Violations</c>).</summary>
public sealed class ViolationOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Cctv:Violations";

    /// <summary>A track that stays unmasked raises at most one violation per this many seconds.</summary>
    [Range(1, 86_400)]
    public int CooldownSeconds { get; set; } = 300;

    /// <summary>Side of the square face crop kept as evidence, pixels.</summary>
    [Range(16, 512)]
    public int FaceCropSize { get; set; } = 128;

    /// <summary>Context added around the face box on each side, as a fraction of its longer side.</summary>
    [Range(0.0, 2.0)]
    public double FaceCropMargin { get; set; } = 0.25;

    /// <summary>JPEG quality of the face crop and the full-frame snapshot.</summary>
    [Range(1, 100)]
    public int JpegQuality { get; set; } = 85;
}

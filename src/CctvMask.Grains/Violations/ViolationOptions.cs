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

    /// <summary>JPEG quality of the face crop and the full-frame snapshot.</summary>
    [Range(1, 100)]
    public int JpegQuality { get; set; } = 85;
}

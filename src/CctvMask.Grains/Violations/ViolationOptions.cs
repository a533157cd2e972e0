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

    /// <summary>
    /// A new unmasked track near where a person who already raised was lost, at most this many seconds ago,
    /// is that person again (tracker fragmentation) and continues their cooldown; 0 turns this off.
    /// </summary>
    [Range(0, 3600)]
    public int ReidentifySeconds { get; set; } = 20;

    /// <summary>How near (centre distance in box sizes, √area of the lost box) the new track must be.</summary>
    [Range(0.0, 20.0)]
    public double ReidentifyMaxDistance { get; set; } = 1.5;

    /// <summary>
    /// A person whose voted verdict is mask_incorrect (mask below the nose or on the chin) raises a violation
    /// of kind <see cref="ViolationKind.Incorrect"/>, as an unmasked person does; false: only unmasked people raise.
    /// </summary>
    public bool IncorrectMaskIsViolation { get; set; } = true;

    /// <summary>
    /// Compliance counts a mask_incorrect person as unmasked (non-compliant); false: as masked. Either way the
    /// per-minute counts have no separate incorrect column (yet).
    /// </summary>
    public bool IncorrectMaskIsNonCompliant { get; set; } = true;

    /// <summary>JPEG quality of the face crop and the full-frame snapshot.</summary>
    [Range(1, 100)]
    public int JpegQuality { get; set; } = 85;

    /// <summary>
    /// Violations whose evidence waits for the silo's evidence worker (off the inference lanes); one more is drawn by
    /// the camera itself on its lane. ~5 ms and one frame copy (0.7 MB at 640×360) each.
    /// </summary>
    [Range(1, 4096)]
    public int EvidenceQueueCapacity { get; set; } = 64;
}

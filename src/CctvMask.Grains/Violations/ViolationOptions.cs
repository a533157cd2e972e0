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

    /// <summary>
    /// Views of a person that must vote for a violating verdict (unmasked, or mask_incorrect when that raises) before it
    /// raises a violation; until then the tracker has the person judged again on the next frames. Default 2: judged from
    /// the first frame that shows them, a person could otherwise raise on one view alone — on the street clip (two people,
    /// both masked) a first, blurred view voted mask_incorrect, the track confirmed two frames later on that one vote and
    /// raised, and every later view said masked (<c>cctvmask eval --video</c>, 2026-12-05). 1 raises on the first view.
    /// </summary>
    [Range(1, 100)]
    public int MinVotes { get; set; } = 2;

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

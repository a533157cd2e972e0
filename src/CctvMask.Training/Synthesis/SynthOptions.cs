using System.ComponentModel.DataAnnotations;

namespace CctvMask.Training.Synthesis;

/// <summary>Options of <c>cctvmask synth</c>.</summary>
public sealed class SynthOptions
{
    /// <summary>Unmasked face images (a folder of images, or a dataset root with without_mask/).</summary>
    [Required] public string FacesDir { get; set; } = "";

    /// <summary>Folder with masks.cfg and templates/.</summary>
    [Required] public string MasksDir { get; set; } = "";

    /// <summary>Output root; images go to &lt;out&gt;/with_mask/ (or &lt;out&gt;/mask_incorrect/ with <see cref="BelowNose"/>).</summary>
    [Required] public string OutDir { get; set; } = "";

    /// <summary>
    /// Place the mask below the nose (nose showing, sometimes down on the chin): the <c>mask_incorrect</c>
    /// class, written to &lt;out&gt;/mask_incorrect/.
    /// </summary>
    public bool BelowNose { get; set; }

    [Range(1, 50)] public int PerFace { get; set; } = 1;
    public int Seed { get; set; } = 42;
    [Range(10, 100)] public int JpegQuality { get; set; } = 92;
    [Range(0, 1000)] public int ContactSheetSamples { get; set; } = 24;

    /// <summary>Template families to draw from; gas masks are left out by default (not what CCTV sees).</summary>
    public List<string> Families { get; set; } = ["surgical", "surgical_blue", "surgical_green", "N95", "KN95", "cloth"];

    /// <summary>|yaw| (nose offset from the eye midpoint, in eye distances) above which a _left/_right template is used.</summary>
    [Range(0.0, 1.0)] public float TurnedHeadYaw { get; set; } = 0.18f;

    /// <summary>Random jitter of each anchor target, in eye distances (standard deviation).</summary>
    [Range(0.0, 0.5)] public float AnchorJitter { get; set; } = 0.04f;

    /// <summary>Faces whose eye distance is below this (pixels) are too small to place a mask on.</summary>
    [Range(1, 1000)] public int MinEyeDistance { get; set; } = 8;
}

using System.Drawing;

namespace CctvMask.Training.Synthesis;

/// <summary>
/// One RGBA mask template from masks.cfg with its six anchors: A/C left/right at nose-tip height,
/// B nose-bridge top, D/F left/right at lower-lip height, E chin (image left/right).
/// </summary>
public sealed record MaskTemplate(string Name, string Family, MaskView View, string ImagePath, IReadOnlyList<PointF> Anchors)
{
    public const int AnchorCount = 6;
}

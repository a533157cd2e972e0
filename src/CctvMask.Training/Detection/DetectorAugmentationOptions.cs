using System.ComponentModel.DataAnnotations;

namespace CctvMask.Training.Detection;

/// <summary>
/// Detector augmentation (training only). The training photos' faces are far larger than CCTV's, so half the
/// samples are "tiny-face mosaics": several photos shrunk until their median face is 6–30 px, packed onto the canvas.
/// </summary>
public sealed class DetectorAugmentationOptions
{
    /// <summary>Share of samples built as a tiny-face mosaic.</summary>
    [Range(0.0, 1.0)] public double TinyFaceProbability { get; set; } = 0.5;

    /// <summary>Smallest median face (sqrt of box area, canvas pixels) a mosaic tile is shrunk to.</summary>
    [Range(2.0, 512.0)] public double TinyFaceMin { get; set; } = 6;

    /// <summary>Largest median face a mosaic tile is shrunk to.</summary>
    [Range(2.0, 512.0)] public double TinyFaceMax { get; set; } = 30;

    /// <summary>Photos packed into one mosaic at most.</summary>
    [Range(1, 64)] public int MosaicMaxImages { get; set; } = 12;

    /// <summary>Otherwise the photo is scaled to fit the canvas times a factor in [ScaleMin, ScaleMax] (log-uniform), then cropped.</summary>
    [Range(0.05, 10.0)] public double ScaleMin { get; set; } = 0.5;

    /// <summary>See <see cref="ScaleMin"/>.</summary>
    [Range(0.05, 10.0)] public double ScaleMax { get; set; } = 2.5;

    /// <summary>A face kept after scaling is at most this fraction of the canvas side (larger ones are shrunk).</summary>
    [Range(0.1, 1.0)] public double MaxFaceFraction { get; set; } = 0.6;

    /// <summary>A box cut by the canvas edge is kept when at least this fraction of its area stays visible.</summary>
    [Range(0.0, 1.0)] public double MinVisibleFraction { get; set; } = 0.5;

    /// <summary>Boxes smaller than this (shorter side, canvas pixels) are dropped from the targets.</summary>
    [Range(0.0, 64.0)] public double MinBoxSide { get; set; } = 2;

    [Range(0.0, 1.0)] public double FlipProbability { get; set; } = 0.5;
    [Range(0.0, 1.0)] public double ColorProbability { get; set; } = 0.8;

    /// <summary>Additive brightness range ±, in 0..255 units.</summary>
    [Range(0.0, 128.0)] public double Brightness { get; set; } = 32;

    /// <summary>Contrast factor range 1 ± this.</summary>
    [Range(0.0, 1.0)] public double Contrast { get; set; } = 0.3;

    /// <summary>Saturation factor range 1 ± this.</summary>
    [Range(0.0, 1.0)] public double Saturation { get; set; } = 0.4;

    [Range(0.0, 1.0)] public double BlurProbability { get; set; } = 0.2;
    [Range(0.0, 1.0)] public double JpegProbability { get; set; } = 0.3;
    [Range(1, 100)] public int MinJpegQuality { get; set; } = 30;
    [Range(1, 100)] public int MaxJpegQuality { get; set; } = 90;

    /// <summary>Share of samples shrunk and scaled back up as a whole (a soft, far camera).</summary>
    [Range(0.0, 1.0)] public double LowResolutionProbability { get; set; } = 0.15;

    /// <summary>The low-resolution canvas side is this fraction of the canvas at least (at most 0.9).</summary>
    [Range(0.1, 0.9)] public double LowResolutionMinFraction { get; set; } = 0.5;

    /// <summary>Share of canvases whose uncovered pixels stay 0, as YuNet's padding at inference.</summary>
    [Range(0.0, 1.0)] public double ZeroBackgroundProbability { get; set; } = 0.5;

    /// <summary>Otherwise canvas background grey level range for pixels no photo covers (0 = YuNet's own zero padding).</summary>
    [Range(0, 255)] public int MaxBackground { get; set; } = 160;

    /// <summary>Turns every random step off (tests, overfitting checks): the photo fits the canvas, top-left.</summary>
    public bool Disabled { get; set; }

    /// <summary>Cross-field checks.</summary>
    public void Validate()
    {
        Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
        if (TinyFaceMin > TinyFaceMax) throw new ValidationException("TinyFaceMin must not exceed TinyFaceMax.");
        if (ScaleMin > ScaleMax) throw new ValidationException("ScaleMin must not exceed ScaleMax.");
        if (MinJpegQuality > MaxJpegQuality) throw new ValidationException("MinJpegQuality must not exceed MaxJpegQuality.");
    }
}

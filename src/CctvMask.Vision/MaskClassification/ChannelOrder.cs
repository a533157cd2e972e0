namespace CctvMask.Vision.MaskClassification;

/// <summary>Channel order of the classifier's input planes.</summary>
public enum ChannelOrder
{
    /// <summary>Plane 0 = red.</summary>
    Rgb,

    /// <summary>Plane 0 = blue.</summary>
    Bgr,
}

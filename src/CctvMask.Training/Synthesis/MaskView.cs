namespace CctvMask.Training.Synthesis;

/// <summary>Which way the template's face is turned: <c>_left</c> templates have the nose towards image-left.</summary>
public enum MaskView
{
    Front,
    Left,
    Right,
}

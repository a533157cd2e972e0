namespace CctvMask.Cli.Clips;

/// <summary>How a counted person's verdict compares with the ground-truth face it matches.</summary>
public enum PersonOutcome
{
    /// <summary>The verdict is the face's class.</summary>
    Right,

    /// <summary>The verdict is another class.</summary>
    Wrong,

    /// <summary>Matched to a face, but counted without a verdict.</summary>
    NoVerdict,

    /// <summary>No ground-truth face where the track was last seen (a false detection or a face the truth leaves out).</summary>
    NoTruthFace,
}

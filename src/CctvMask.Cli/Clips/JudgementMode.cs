namespace CctvMask.Cli.Clips;

/// <summary>Which faces phase 2 judges when a clip runs through the production camera path.</summary>
public enum JudgementMode
{
    /// <summary>The product: <c>JudgementPolicy</c> asks for the crops (new, young, larger view, re-check).</summary>
    TrackAware,

    /// <summary>
    /// The v1 way for comparison: every tracked face of every analysed frame is classified and the track votes
    /// over all of them (same tracker, same counting).
    /// </summary>
    EveryFrame,
}

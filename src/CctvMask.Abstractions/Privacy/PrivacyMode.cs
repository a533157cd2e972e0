namespace CctvMask.Abstractions.Privacy;

/// <summary>
/// What a camera may keep and show of the people it films, from the most to the least identifying.
/// The numeric order is the strictness order (<see cref="PrivacyModes.IsStricter"/>); the API spells the
/// modes in lower case (<c>evidence</c>, <c>blurred</c>, <c>statistics</c>).
/// </summary>
public enum PrivacyMode
{
    /// <summary>Violation snapshots keep the violator's face; every other face is pixelated before storage. The face crop is the violator's.</summary>
    Evidence = 0,

    /// <summary>Every face is pixelated in everything stored and in the live view; violations keep time, track and confidence, no face crop.</summary>
    Blurred = 1,

    /// <summary>No image of any kind is stored or served and no per-person violation is recorded: aggregate counts only.</summary>
    Statistics = 2,
}

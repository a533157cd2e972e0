namespace CctvMask.Abstractions.Violations;

/// <summary>
/// What a violation is about. Stored as its number (values are appended, never reordered) and sent as its
/// wire name (<see cref="ViolationKinds.ToName"/>).
/// </summary>
public enum ViolationKind
{
    /// <summary>"unmasked": no mask (every violation before the third class existed).</summary>
    Unmasked = 0,

    /// <summary>"incorrect": a mask worn below the nose or on the chin.</summary>
    Incorrect = 1,
}

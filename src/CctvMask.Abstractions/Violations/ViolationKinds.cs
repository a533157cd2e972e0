namespace CctvMask.Abstractions.Violations;

/// <summary>Wire names of <see cref="ViolationKind"/> (API, CSV, dashboard).</summary>
public static class ViolationKinds
{
    /// <summary>"unmasked".</summary>
    public const string Unmasked = "unmasked";

    /// <summary>"incorrect".</summary>
    public const string Incorrect = "incorrect";

    /// <summary>The wire name of a kind.</summary>
    public static string ToName(this ViolationKind kind) => kind == ViolationKind.Incorrect ? Incorrect : Unmasked;

    /// <summary>Parses a wire name (case-insensitive); false for anything else.</summary>
    public static bool TryParse(string? name, out ViolationKind kind)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case Unmasked: kind = ViolationKind.Unmasked; return true;
            case Incorrect: kind = ViolationKind.Incorrect; return true;
            default: kind = ViolationKind.Unmasked; return false;
        }
    }
}

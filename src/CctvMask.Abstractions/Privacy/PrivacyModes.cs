namespace CctvMask.Abstractions.Privacy;

/// <summary>Names, parsing and ordering of <see cref="PrivacyMode"/> (one spelling everywhere: API, database, dashboard).</summary>
public static class PrivacyModes
{
    /// <summary>The mode of a camera that never chose one.</summary>
    public const PrivacyMode Default = PrivacyMode.Evidence;

    /// <summary>Longest name (the database column length).</summary>
    public const int MaxNameLength = 16;

    /// <summary>The accepted names, for error messages.</summary>
    public const string Description = "'evidence', 'blurred' or 'statistics'";

    /// <summary>The lower-case name of a mode.</summary>
    public static string Name(PrivacyMode mode) => mode switch
    {
        PrivacyMode.Evidence => "evidence",
        PrivacyMode.Blurred => "blurred",
        PrivacyMode.Statistics => "statistics",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown privacy mode."),
    };

    /// <summary>Parses a name (case-insensitive); false for anything else, digits included.</summary>
    public static bool TryParse(string? name, out PrivacyMode mode)
    {
        foreach (var candidate in (ReadOnlySpan<PrivacyMode>)[PrivacyMode.Evidence, PrivacyMode.Blurred, PrivacyMode.Statistics])
        {
            if (string.Equals(name?.Trim(), Name(candidate), StringComparison.OrdinalIgnoreCase))
            {
                mode = candidate;
                return true;
            }
        }
        mode = Default;
        return false;
    }

    /// <summary>True when <paramref name="to"/> keeps less than <paramref name="from"/>.</summary>
    public static bool IsStricter(PrivacyMode to, PrivacyMode from) => to > from;

    /// <summary>Whether a camera in this mode stores or serves any image (snapshot, face crop, live frame).</summary>
    public static bool AllowsImages(PrivacyMode mode) => mode != PrivacyMode.Statistics;

    /// <summary>Whether a camera in this mode stores a face crop of the violator.</summary>
    public static bool AllowsFaceCrop(PrivacyMode mode) => mode == PrivacyMode.Evidence;

    /// <summary>Whether a camera in this mode records per-person violations.</summary>
    public static bool RecordsViolations(PrivacyMode mode) => mode != PrivacyMode.Statistics;
}

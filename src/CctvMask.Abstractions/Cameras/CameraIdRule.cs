namespace CctvMask.Abstractions.Cameras;

/// <summary>
/// The one camera id rule (API, database, grains, ingest, metrics tags): 1–64 characters, lowercase ASCII
/// letters, digits, '-' or '_', starting with a letter or digit. Lowercase only, so "Door" and "door" can
/// never be two cameras; no '.', '/' or spaces, so an id is safe in URLs, file names and log lines.
/// </summary>
public static class CameraIdRule
{
    /// <summary>Longest id (also the database column length).</summary>
    public const int MaxLength = 64;

    /// <summary>The rule in words, for error messages.</summary>
    public const string Description = "1-64 characters a-z, 0-9, '-' or '_', starting with a letter or digit";

    /// <summary>True when <paramref name="id"/> follows the rule.</summary>
    /// <remarks>A loop, not a regex: <c>$</c> also matches before a trailing newline, which let "cam\n" through.</remarks>
    public static bool IsValid(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxLength || !IsLetterOrDigit(id[0]))
            return false;
        foreach (var c in id)
        {
            if (!(IsLetterOrDigit(c) || c is '-' or '_'))
                return false;
        }
        return true;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the id and the rule when it is not valid.</summary>
    public static void Validate(string? id, string paramName)
    {
        if (!IsValid(id))
            throw new ArgumentException($"Camera id '{id}' is not valid: use {Description}.", paramName);
    }

    private static bool IsLetterOrDigit(char c) => c is >= 'a' and <= 'z' or >= '0' and <= '9';
}

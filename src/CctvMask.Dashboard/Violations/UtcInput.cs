using System.Globalization;

namespace CctvMask.Dashboard.Violations;

/// <summary>
/// A UTC time typed as "yyyy-MM-dd HH:mm" (24-hour; a "T" instead of the space and seconds are accepted). A
/// plain text field, not &lt;input type="datetime-local"&gt;, which shows the browser's local 12- or 24-hour format
/// while the value is UTC: the labels say UTC and the text is UTC.
/// </summary>
public static class UtcInput
{
    /// <summary>How the fields show a time (and the placeholder says).</summary>
    public const string DisplayFormat = "yyyy-MM-dd HH:mm";

    private static readonly string[] Formats =
        [DisplayFormat, "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.fff"];

    public static DateTimeOffset? Parse(string? value) =>
        DateTime.TryParseExact(value?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var utc)
            ? new DateTimeOffset(utc, TimeSpan.Zero)
            : null;

    /// <summary>True when a field holds text that is not a time (empty means "no bound", not an error).</summary>
    public static bool IsInvalid(string? value) => !string.IsNullOrWhiteSpace(value) && Parse(value) is null;

    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString(DisplayFormat, CultureInfo.InvariantCulture);
}

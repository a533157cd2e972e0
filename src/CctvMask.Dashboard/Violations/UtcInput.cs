using System.Globalization;

namespace CctvMask.Dashboard.Violations;

/// <summary>
/// The value of an &lt;input type="datetime-local"&gt; (yyyy-MM-ddTHH:mm[:ss]), read as a UTC time:
/// the server knows no browser time zone, so the labels say UTC.
/// </summary>
public static class UtcInput
{
    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.fff"];

    public static DateTimeOffset? Parse(string? value) =>
        DateTime.TryParseExact(value?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var utc)
            ? new DateTimeOffset(utc, TimeSpan.Zero)
            : null;

    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text;

namespace CctvMask.Server.Hosting;

/// <summary>
/// Starts a CSV file download on a response (the exports of the audit log and the compliance buckets): a dated
/// attachment name, UTF-8 without a byte-order mark, never cached (the rows are personal or operational data), and the
/// header row already written. The caller writes CRLF-terminated rows and flushes. An export never ends silently at its row
/// cap: the caller counts first and refuses a range holding more rows (<see cref="TooManyRows"/>).
/// </summary>
public static class CsvDownload
{
    /// <summary>
    /// The validation error of an export whose range holds more rows than one file may: the count (or "more than" the cap
    /// when counting stopped there), the cap and its setting, and what to do.
    /// </summary>
    public static Dictionary<string, string[]> TooManyRows(string what, long? rows, int cap, string capSetting) =>
        new()
        {
            ["from"] =
            [
                string.Create(CultureInfo.InvariantCulture,
                    $"This range holds {(rows is { } n ? n.ToString("N0", CultureInfo.InvariantCulture) : "more than " + cap.ToString("N0", CultureInfo.InvariantCulture))} {what}; one export holds at most {cap:N0} ({capSetting}). Narrow the range (from, to) or the filter and export the parts."),
            ],
        };

    /// <summary>Sets the headers and returns a writer over the body with <paramref name="headerRow"/> written.</summary>
    public static async Task<StreamWriter> BeginAsync(HttpResponse response, string namePrefix, string headerRow, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(clock);
        var fileName = string.Create(CultureInfo.InvariantCulture, $"{namePrefix}-{clock.GetUtcNow():yyyyMMdd-HHmmss}.csv");
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        response.Headers.CacheControl = "no-store";
        var writer = new StreamWriter(response.Body, new UTF8Encoding(false));
        await writer.WriteAsync(headerRow + "\r\n");
        return writer;
    }
}

using System.Globalization;
using System.Text;
using CctvMask.Dashboard.Api.Contracts;

namespace CctvMask.Dashboard.Export;

/// <summary>
/// CSV of violations (RFC 4180: comma separated, CRLF rows, quoted when needed). Cells that a
/// spreadsheet would run as a formula (=, +, -, @, tab, CR) get a leading apostrophe.
/// </summary>
public static class ViolationCsv
{
    public const string Header = "id,camera_id,camera_name,occurred_at_utc,track_id,kind,confidence,has_snapshot,snapshot_path";

    public static string Row(ViolationDto violation, string? cameraName)
    {
        var sb = new StringBuilder(160);
        sb.Append(violation.Id.ToString("D")).Append(',');
        sb.Append(Escape(violation.CameraId)).Append(',');
        sb.Append(Escape(cameraName ?? "")).Append(',');
        sb.Append(violation.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append(',');
        sb.Append(violation.TrackId.ToString(CultureInfo.InvariantCulture)).Append(',');
        sb.Append(Escape(violation.KindName)).Append(',');
        sb.Append(violation.Confidence.ToString("0.000", CultureInfo.InvariantCulture)).Append(',');
        sb.Append(violation.HasSnapshot ? "true" : "false").Append(',');
        sb.Append(violation.HasSnapshot ? $"/api/violations/{violation.Id:D}/snapshot" : "");
        return sb.ToString();
    }

    /// <summary>One CSV cell: formula-neutralised, then quoted when it holds a comma, quote or line break.</summary>
    public static string Escape(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            value = "'" + value;
        var needsQuotes = value.AsSpan().IndexOfAny(",\"\r\n") >= 0;
        return needsQuotes ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>Header plus rows, CRLF terminated.</summary>
    public static string Write(IEnumerable<ViolationDto> violations, IReadOnlyDictionary<string, string> cameraNames)
    {
        var sb = new StringBuilder().Append(Header).Append("\r\n");
        foreach (var v in violations)
            sb.Append(Row(v, cameraNames.GetValueOrDefault(v.CameraId))).Append("\r\n");
        return sb.ToString();
    }
}

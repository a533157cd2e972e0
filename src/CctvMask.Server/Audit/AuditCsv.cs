using System.Globalization;
using System.Text;
using CctvMask.Storage.Audit;

namespace CctvMask.Server.Audit;

/// <summary>
/// CSV of audit lines (RFC 4180: comma separated, CRLF rows, quoted when needed). Cells a spreadsheet would run as a
/// formula (=, +, -, @, tab, CR) get a leading apostrophe.
/// </summary>
public static class AuditCsv
{
    public const string Header = "id,at_utc,key_name,role,remote_address,action,target,outcome,detail";

    public static string Row(AuditEntry e)
    {
        var sb = new StringBuilder(160);
        sb.Append(e.Id.ToString(CultureInfo.InvariantCulture)).Append(',');
        sb.Append(e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)).Append(',');
        sb.Append(Escape(e.KeyName)).Append(',');
        sb.Append(Escape(e.Role)).Append(',');
        sb.Append(Escape(e.RemoteAddress ?? "")).Append(',');
        sb.Append(Escape(e.Action)).Append(',');
        sb.Append(Escape(e.Target ?? "")).Append(',');
        sb.Append(Escape(e.Outcome)).Append(',');
        sb.Append(Escape(e.Detail ?? ""));
        return sb.ToString();
    }

    public static string Escape(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            value = "'" + value;
        var needsQuotes = value.AsSpan().IndexOfAny(",\"\r\n") >= 0;
        return needsQuotes ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}

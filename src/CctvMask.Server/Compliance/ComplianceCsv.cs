using System.Globalization;
using System.Text;
using CctvMask.Server.Audit;
using CctvMask.Storage.Compliance;

namespace CctvMask.Server.Compliance;

/// <summary>
/// CSV of compliance buckets (RFC 4180, CRLF rows), one camera bucket a row. Only the camera's id and name are written,
/// never its URL (which may hold credentials); the name is escaped as the audit export escapes cells (no formula runs).
/// masked_share = masked ÷ (masked + unmasked), empty when nobody was assessable; incorrect is a part of masked or unmasked.
/// </summary>
public static class ComplianceCsv
{
    public const string Header = "bucket_start_utc,camera_id,camera_name,people,masked,unmasked,incorrect,unknown,masked_share,bucket";

    public static string Row(CompliancePoint p, string cameraId, string cameraName, string bucket)
    {
        ArgumentNullException.ThrowIfNull(p);
        var sb = new StringBuilder(128);
        sb.Append(p.Start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append(',');
        sb.Append(AuditCsv.Escape(cameraId)).Append(',');
        sb.Append(AuditCsv.Escape(cameraName)).Append(',');
        sb.Append(CultureInfo.InvariantCulture, $"{p.People},{p.Masked},{p.Unmasked},{p.Incorrect},{p.Unknown},");
        if (p.Compliance is { } share) sb.Append(share.ToString("0.####", CultureInfo.InvariantCulture));
        sb.Append(',').Append(bucket);
        return sb.ToString();
    }
}

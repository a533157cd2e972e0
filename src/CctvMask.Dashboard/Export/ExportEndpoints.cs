using System.Globalization;
using System.Text;
using CctvMask.Dashboard.Api;
using CctvMask.Dashboard.Api.Contracts;
using CctvMask.Dashboard.Hosting;
using CctvMask.Dashboard.Session;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CctvMask.Dashboard.Export;

/// <summary>
/// GET /dashboard/export/violations.csv?cameraId&amp;from&amp;to: walks the API's pages and streams CSV; the audit log's and
/// a camera's compliance CSV come from the API as they are (the browser cannot send the API key itself).
/// </summary>
public static class ExportEndpoints
{
    public const string Path = "/dashboard/export/violations.csv";

    /// <summary>Header on the export's first API page: the API audits the export as one evidence access.</summary>
    public const string ExportHeader = "X-Cctv-Export";

    public static string Url(string? cameraId, DateTimeOffset? from, DateTimeOffset? to)
    {
        var query = new List<string>();
        if (!string.IsNullOrEmpty(cameraId)) query.Add("cameraId=" + Uri.EscapeDataString(cameraId));
        if (from is { } f) query.Add("from=" + Uri.EscapeDataString(f.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)));
        if (to is { } t) query.Add("to=" + Uri.EscapeDataString(t.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)));
        return query.Count == 0 ? Path : Path + "?" + string.Join("&", query);
    }

    /// <summary>The audit log as CSV through the dashboard (the browser cannot send the API key itself).</summary>
    public const string AuditPath = "/dashboard/export/audit.csv";

    /// <summary>A camera's compliance buckets as CSV through the dashboard (the API audits it as compliance.export).</summary>
    public const string CompliancePath = "/dashboard/export/compliance.csv";

    public static string ComplianceUrl(string cameraId, DateTimeOffset from, DateTimeOffset to, ComplianceBucket bucket) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{CompliancePath}?cameraId={Uri.EscapeDataString(cameraId)}&from={Uri.EscapeDataString(from.UtcDateTime.ToString("O", CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(to.UtcDateTime.ToString("O", CultureInfo.InvariantCulture))}&bucket={bucket.ToString().ToLowerInvariant()}");

    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, ExportViolations).ExcludeFromDescription();
        app.MapGet(AuditPath, ExportAudit).ExcludeFromDescription();
        app.MapGet(CompliancePath, ExportCompliance).ExcludeFromDescription();
        return app;
    }

    public static async Task<IResult> ExportCompliance(
        string? cameraId, DateTimeOffset? from, DateTimeOffset? to, string? bucket,
        HttpContext context, SessionCookie cookie, DashboardSession session, CctvApiClient api, CancellationToken ct)
    {
        if (!cookie.TryRestore(context, session)) return TypedResults.Unauthorized();
        try
        {
            var csv = await api.GetComplianceCsvAsync(cameraId, from, to, bucket, ct);
            context.Response.Headers.CacheControl = "no-store";
            var fileName = string.Create(CultureInfo.InvariantCulture, $"compliance-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv");
            return TypedResults.File(csv, "text/csv; charset=utf-8", fileName);
        }
        catch (ApiException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: (int)ex.StatusCode);
        }
    }

    public static async Task<IResult> ExportAudit(
        string? keyName, string? action, string? outcome, DateTimeOffset? from, DateTimeOffset? to,
        HttpContext context, SessionCookie cookie, DashboardSession session, CctvApiClient api,
        IOptions<DashboardOptions> options, CancellationToken ct)
    {
        if (!cookie.TryRestore(context, session)) return TypedResults.Unauthorized();
        try
        {
            var query = new AuditQueryDto(keyName, action, outcome, from, to, 1, 1);
            // Counted first, by the rule the audit page showed before the click: refused, never cut short.
            var count = await api.GetAuditAsync(query, ct);
            if (ExportLimit.TooManyAuditLines(count.Total, options.Value.ExportMaxRows) is { } tooMany)
                return TypedResults.Problem(tooMany, statusCode: StatusCodes.Status400BadRequest, title: "Too many rows for one export.");
            var csv = await api.GetAuditCsvAsync(query, ct);
            context.Response.Headers.CacheControl = "no-store";
            var fileName = string.Create(CultureInfo.InvariantCulture, $"audit-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv");
            return TypedResults.File(csv, "text/csv; charset=utf-8", fileName);
        }
        catch (ApiException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: (int)ex.StatusCode);
        }
    }

    public static async Task<IResult> ExportViolations(
        string? cameraId, DateTimeOffset? from, DateTimeOffset? to,
        HttpContext context, SessionCookie cookie, DashboardSession session, CctvApiClient api,
        IOptions<DashboardOptions> options, CancellationToken ct)
    {
        if (!cookie.TryRestore(context, session)) return TypedResults.Unauthorized();
        var o = options.Value;
        IReadOnlyDictionary<string, string> names;
        ViolationPageDto first;
        try
        {
            names = (await api.ListCamerasAsync(ct)).ToDictionary(c => c.Id, c => c.Name);
            first = await api.GetViolationsAsync(new ViolationQuery(cameraId, from, to, 1, o.ExportPageSize), ct, export: true);
        }
        catch (ApiException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: (int)ex.StatusCode);
        }

        // Refused before the file starts rather than cut short at the cap.
        if (ExportLimit.TooManyViolations(first.Total, o.ExportMaxRows) is { } tooMany)
            return TypedResults.Problem(tooMany, statusCode: StatusCodes.Status400BadRequest, title: "Too many rows for one export.");

        var fileName = string.Create(CultureInfo.InvariantCulture, $"violations-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv");
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        context.Response.Headers.CacheControl = "no-store";
        await using var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(false));
        await writer.WriteAsync(ViolationCsv.Header + "\r\n");
        var written = 0;
        var page = first;
        for (var pageNumber = 1; ; pageNumber++)
        {
            foreach (var v in page.Items)
            {
                // Only violations recorded since the count can reach the cap here: the export is the snapshot counted.
                if (written++ >= o.ExportMaxRows) break;
                await writer.WriteAsync(ViolationCsv.Row(v, names.GetValueOrDefault(v.CameraId)) + "\r\n");
            }
            if (written >= o.ExportMaxRows || page.Items.Count == 0 || (long)pageNumber * o.ExportPageSize >= page.Total)
                break;
            // A failure mid-stream cannot change the status code any more: the file simply ends.
            page = await api.GetViolationsAsync(new ViolationQuery(cameraId, from, to, pageNumber + 1, o.ExportPageSize), ct);
        }
        await writer.FlushAsync(ct);
        return TypedResults.Empty;
    }
}

using System.Globalization;
using System.Text;
using CctvMask.Server.Audit.Contracts;
using CctvMask.Server.Auth;
using CctvMask.Server.Hosting;
using CctvMask.Storage.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CctvMask.Server.Audit;

/// <summary>/api/audit (admin): the audit log, filtered and paged, newest first, or as CSV (<c>/api/audit/export.csv</c>).</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(ApiPolicies.Admin);
        group.MapGet("/", ListAudit).WithSummary("The audit log, newest first, filtered and paged (admin)");
        group.MapGet("/export.csv", ExportAudit).WithSummary("The audit log as CSV, same filters (admin; itself audited)").Produces(StatusCodes.Status200OK, contentType: "text/csv").Audited("audit.export");
        return app;
    }

    public static async Task<Results<Ok<AuditPageResponse>, ValidationProblem>> ListAudit(
        AuditRepository audit, IOptions<AuditOptions> options, CancellationToken ct,
        DateTimeOffset? from = null, DateTimeOffset? to = null, string? keyName = null, string? action = null,
        string? target = null, string? outcome = null, int page = 1, int? pageSize = null)
    {
        var o = options.Value;
        var size = pageSize ?? o.DefaultPageSize;
        var errors = Validate(from, to);
        if (page < 1) errors["page"] = ["The page number starts at 1."];
        if (size < 1 || size > o.MaxPageSize) errors["pageSize"] = [$"The page size must be between 1 and {o.MaxPageSize}."];
        if ((long)(page - 1) * size > int.MaxValue) errors["page"] = ["The page number is too large."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var result = await audit.QueryAsync(new AuditQuery(from, to, Blank(keyName), Blank(action), Blank(target), Blank(outcome),
            (page - 1) * size, size), ct);
        return TypedResults.Ok(new AuditPageResponse(result.Items.Select(AuditEntryResponse.From).ToArray(), page, size, result.Total));
    }

    public static async Task<Results<EmptyHttpResult, ValidationProblem>> ExportAudit(
        HttpContext http, AuditRepository audit, IOptions<AuditOptions> options, IOptions<Storage.Hosting.StorageOptions> storage,
        TimeProvider clock, CancellationToken ct, DateTimeOffset? from = null, DateTimeOffset? to = null, string? keyName = null, string? action = null,
        string? target = null, string? outcome = null)
    {
        var errors = Validate(from, to);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var pageSize = Math.Min(options.Value.MaxPageSize, storage.Value.MaxPageSize);
        var query = new AuditQuery(from, to, Blank(keyName), Blank(action), Blank(target), Blank(outcome), 0, pageSize);
        var first = await audit.QueryAsync(query, ct);
        // Refused before the file starts rather than cut short at the cap.
        if (first.Total > options.Value.MaxExportRows)
            return TypedResults.ValidationProblem(CsvDownload.TooManyRows("audit lines", first.Total, options.Value.MaxExportRows, "Audit:MaxExportRows"));

        await using var writer = await CsvDownload.BeginAsync(http.Response, "audit", AuditCsv.Header, clock);
        var written = 0;
        for (var page = first; ;)
        {
            foreach (var e in page.Items)
            {
                // Only lines appended since the count can reach the cap here: the export is the snapshot counted.
                if (written++ >= options.Value.MaxExportRows) break;
                await writer.WriteAsync(AuditCsv.Row(e) + "\r\n");
            }
            if (written >= options.Value.MaxExportRows || page.Items.Count < pageSize) break;
            // Lines appended meanwhile shift the offsets by a few rows at worst: an export is a snapshot, not a cursor.
            page = await audit.QueryAsync(query with { Offset = page.Offset + pageSize }, ct);
        }
        await writer.FlushAsync(ct);
        return TypedResults.Empty;
    }

    public static WebApplicationBuilder AddCctvAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IAuditLog, AuditRecorder>();
        return builder;
    }

    private static Dictionary<string, string[]> Validate(DateTimeOffset? from, DateTimeOffset? to)
    {
        var errors = new Dictionary<string, string[]>();
        if (from > to) errors["from"] = ["'from' must not be after 'to'."];
        if (ApiTime.OutOfRange(from)) errors["from"] = [ApiTime.RangeMessage];
        if (ApiTime.OutOfRange(to)) errors["to"] = [ApiTime.RangeMessage];
        return errors;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

using System.Globalization;
using System.Text;
using CctvMask.Server.Audit;
using CctvMask.Server.Auth;
using CctvMask.Server.Hosting;
using CctvMask.Storage.Cameras;
using CctvMask.Storage.Compliance;
using CctvMask.Storage.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CctvMask.Server.Compliance;

/// <summary>
/// GET /api/compliance/export.csv?cameraId&amp;from&amp;to&amp;bucket (viewer, like the violation export, and audited as
/// <c>compliance.export</c>): the compliance API's buckets as CSV (<see cref="ComplianceCsv"/>), one camera or all, the
/// same range rules and privacy folding, camera by camera; a range holding more than <see cref="ComplianceOptions.MaxExportRows"/>
/// rows is refused (400, what to narrow), never cut short.
/// </summary>
public static class ComplianceExportApi
{
    public const string Path = "/api/compliance/export.csv";

    public static IEndpointRouteBuilder MapComplianceExportApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, ExportCompliance).WithTags("Compliance").RequireAuthorization(ApiPolicies.Viewer)
            .WithSummary("Compliance buckets of one camera (cameraId) or all as CSV, same range and bucket rules as the series (viewer; audited)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Audited("compliance.export");
        return app;
    }

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult, ValidationProblem>> ExportCompliance(
        HttpContext http, CameraRepository cameras, ComplianceRepository compliance, IOptions<ComplianceOptions> options,
        IOptions<StorageOptions> storage, TimeProvider clock, CancellationToken ct,
        string? cameraId = null, DateTimeOffset? from = null, DateTimeOffset? to = null, string? bucket = null)
    {
        var o = options.Value;
        var errors = new Dictionary<string, string[]>();
        if (cameraId is not null && !CameraRepository.IsValidId(cameraId))
            errors["cameraId"] = ["The camera id is a slug: lowercase letters, digits, '-' and '_', up to 64 characters."];
        var range = ComplianceRange.Parse(from, to, bucket, o, storage.Value, clock.GetUtcNow(), errors);
        if (range is null || errors.Count > 0) return TypedResults.ValidationProblem(errors);

        IReadOnlyList<CameraRecord> list;
        if (cameraId is null) list = [.. (await cameras.ListAsync(cancellationToken: ct)).OrderBy(c => c.Id, StringComparer.Ordinal)];
        else if (await cameras.GetAsync(cameraId, ct) is { } one) list = [one];
        else return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such camera.");
        AuditedEndpoints.SetTarget(http, cameraId ?? "*");
        AuditedEndpoints.SetDetail(http, string.Create(CultureInfo.InvariantCulture,
            $"from {range.Start:O} to {range.End:O} by {range.Size.ToString().ToLowerInvariant()}"));

        // Read first, write after: a range over the cap is refused before the file starts, never cut short. The points
        // read are at most the cap plus one camera's (Storage:MaxSeriesPoints).
        var series = new List<(CameraRecord Camera, IReadOnlyList<CompliancePoint> Points, string Bucket)>(list.Count);
        long rows = 0;
        foreach (var camera in list)
        {
            var (points, bucketName) = await range.ReadAsync(camera, compliance, o, ct);
            rows += points.Count;
            if (rows > o.MaxExportRows)
                return TypedResults.ValidationProblem(CsvDownload.TooManyRows("compliance rows", null, o.MaxExportRows, "Compliance:MaxExportRows"));
            series.Add((camera, points, bucketName));
        }

        await using var writer = await CsvDownload.BeginAsync(http.Response, "compliance", ComplianceCsv.Header, clock);
        foreach (var (camera, points, bucketName) in series)
        {
            foreach (var p in points)
                await writer.WriteAsync(ComplianceCsv.Row(p, camera.Id, camera.Name, bucketName) + "\r\n");
        }
        await writer.FlushAsync(ct);
        return TypedResults.Empty;
    }
}

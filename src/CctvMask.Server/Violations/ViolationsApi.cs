using CctvMask.Abstractions.Privacy;
using CctvMask.Dashboard.Export;
using CctvMask.Server.Audit;
using CctvMask.Server.Auth;
using CctvMask.Server.Hosting;
using CctvMask.Server.Violations.Contracts;
using CctvMask.Storage.Cameras;
using CctvMask.Storage.Violations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CctvMask.Server.Violations;

/// <summary>
/// /api/violations: history, evidence (face crop, snapshot with the violator highlighted) (viewer). Every evidence
/// read is audited; a camera's privacy mode decides what is served (statistics: nothing; blurred: no face crop).
/// </summary>
public static class ViolationsApi
{
    public static IEndpointRouteBuilder MapViolationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/violations").WithTags("Violations").RequireAuthorization(ApiPolicies.Viewer);
        group.MapGet("/", ListViolations).WithSummary("Violations, newest first, paged and filtered by camera and time");
        group.MapGet("/{id:guid}/snapshot", GetSnapshot).WithSummary("Evidence snapshot of a violation (JPEG)").Produces(StatusCodes.Status200OK, contentType: "image/jpeg").Audited("violation.snapshot");
        group.MapGet("/{id:guid}/face", GetFace).WithSummary("The violator's face crop (JPEG), as the camera's privacy mode allows").Produces(StatusCodes.Status200OK, contentType: "image/jpeg").Audited("violation.face");
        return app;
    }

    public static async Task<Results<Ok<ViolationPageResponse>, ValidationProblem>> ListViolations(
        HttpContext http, ViolationRepository violations, IAuditLog audit, IOptions<ViolationOptions> options, CancellationToken ct,
        string? cameraId = null, DateTimeOffset? from = null, DateTimeOffset? to = null, int page = 1, int? pageSize = null,
        Guid? incidentId = null)
    {
        var o = options.Value;
        var size = pageSize ?? o.DefaultPageSize;
        var errors = new Dictionary<string, string[]>();
        if (page < 1) errors["page"] = ["The page number starts at 1."];
        if (size < 1 || size > o.MaxPageSize) errors["pageSize"] = [$"The page size must be between 1 and {o.MaxPageSize}."];
        if (from > to) errors["from"] = ["'from' must not be after 'to'."];
        if (cameraId is not null && !CameraRepository.IsValidId(cameraId))
            errors["cameraId"] = ["The camera id is a slug: lowercase letters, digits, '-' and '_', up to 64 characters."];
        if (ApiTime.OutOfRange(from)) errors["from"] = [ApiTime.RangeMessage];
        if (ApiTime.OutOfRange(to)) errors["to"] = [ApiTime.RangeMessage];
        if ((long)(page - 1) * size > int.MaxValue) errors["page"] = ["The page number is too large."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        // The dashboard's CSV export marks its first page: the export is an evidence access of its own.
        if (page == 1 && http.Request.Headers.ContainsKey(ExportEndpoints.ExportHeader))
            await audit.RecordAsync(http, "violations.export", cameraId ?? "*", AuditOutcomes.Ok, $"from {from:O} to {to:O}", ct);
        var result = await violations.GetPageAsync(new ViolationQuery(cameraId, from, to, (page - 1) * size, size, incidentId), ct);
        return TypedResults.Ok(new ViolationPageResponse(
            result.Items.Select(ViolationResponse.From).ToArray(), page, size, result.Total));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetSnapshot(
        Guid id, ViolationRepository violations, CameraRepository cameras, CancellationToken ct)
    {
        if (await RefusalAsync(id, violations, cameras, faceCrop: false, ct) is { } refused) return refused;
        return await violations.GetSnapshotJpegAsync(id, ct) is { } jpeg
            ? TypedResults.File(jpeg, "image/jpeg")
            : NotFound("No snapshot stored for this violation.");
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetFace(
        Guid id, ViolationRepository violations, CameraRepository cameras, CancellationToken ct)
    {
        if (await RefusalAsync(id, violations, cameras, faceCrop: true, ct) is { } refused) return refused;
        return await violations.GetFaceJpegAsync(id, ct) is { Length: > 0 } jpeg
            ? TypedResults.File(jpeg, "image/jpeg")
            : NotFound("No face crop stored for this violation.");
    }

    // Stored evidence is already what the mode allows (purged on a switch, filtered on insert); this refuses to serve
    // it by the camera's current mode too, so a purge still running never leaks.
    private static async Task<ProblemHttpResult?> RefusalAsync(
        Guid id, ViolationRepository violations, CameraRepository cameras, bool faceCrop, CancellationToken ct)
    {
        if (await violations.GetAsync(id, ct) is not { } violation)
            return NotFound("No such violation.");
        var mode = (await cameras.GetAsync(violation.CameraId, ct))?.Privacy ?? PrivacyModes.Default;
        if (PrivacyModes.AllowsImages(mode) && (!faceCrop || PrivacyModes.AllowsFaceCrop(mode))) return null;
        return NotFound(faceCrop ? "No face crop: the camera's privacy mode stores none." : "No image: the camera's privacy mode stores none.",
            $"Camera '{violation.CameraId}' is in '{PrivacyModes.Name(mode)}' mode.");
    }

    // A 404 as application/problem+json (TypedResults.NotFound(ProblemDetails) would be plain JSON).
    private static ProblemHttpResult NotFound(string title, string? detail = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);

    public static WebApplicationBuilder AddCctvViolations(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ViolationOptions>()
            .BindConfiguration(ViolationOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return builder;
    }
}

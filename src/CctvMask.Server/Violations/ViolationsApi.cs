using CctvMask.Server.Auth;
using CctvMask.Server.Hosting;
using CctvMask.Server.Violations.Contracts;
using CctvMask.Storage.Cameras;
using CctvMask.Storage.Violations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CctvMask.Server.Violations;

/// <summary>/api/violations: history and evidence snapshots (viewer).</summary>
public static class ViolationsApi
{
    public static IEndpointRouteBuilder MapViolationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/violations").WithTags("Violations").RequireAuthorization(ApiPolicies.Viewer);
        group.MapGet("/", ListViolations).WithSummary("Violations, newest first, paged and filtered by camera and time");
        group.MapGet("/{id:guid}/snapshot", GetSnapshot).WithSummary("Evidence snapshot of a violation (JPEG)").Produces(StatusCodes.Status200OK, contentType: "image/jpeg");
        return app;
    }

    public static async Task<Results<Ok<ViolationPageResponse>, ValidationProblem>> ListViolations(
        ViolationRepository violations, IOptions<ViolationOptions> options, CancellationToken ct,
        string? cameraId = null, DateTimeOffset? from = null, DateTimeOffset? to = null, int page = 1, int? pageSize = null)
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

        var result = await violations.GetPageAsync(new ViolationQuery(cameraId, from, to, (page - 1) * size, size), ct);
        return TypedResults.Ok(new ViolationPageResponse(
            result.Items.Select(ViolationResponse.From).ToArray(), page, size, result.Total));
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> GetSnapshot(
        Guid id, ViolationRepository violations, CancellationToken ct) =>
        await violations.GetSnapshotJpegAsync(id, ct) is { } jpeg
            ? TypedResults.File(jpeg, "image/jpeg")
            : TypedResults.NotFound();

    public static WebApplicationBuilder AddCctvViolations(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ViolationOptions>()
            .BindConfiguration(ViolationOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return builder;
    }
}

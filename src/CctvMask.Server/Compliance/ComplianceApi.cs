using CctvMask.Server.Auth;
using CctvMask.Server.Compliance.Contracts;
using CctvMask.Storage.Cameras;
using CctvMask.Storage.Compliance;
using CctvMask.Storage.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CctvMask.Server.Compliance;

/// <summary>/api/cameras/{id}/compliance: a series over any range at minute, hour or day buckets (viewer).</summary>
public static class ComplianceApi
{
    public static IEndpointRouteBuilder MapComplianceApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/cameras/{id}/compliance").WithTags("Compliance")
            .RequireAuthorization(ApiPolicies.Viewer)
            .MapGet("/", GetCompliance).WithSummary("Compliance series of a camera over a range, by minute, hour or day");
        return app;
    }

    public static async Task<Results<Ok<ComplianceSeriesResponse>, NotFound, ValidationProblem>> GetCompliance(
        string id, CameraRepository cameras, ComplianceRepository compliance, IOptions<ComplianceOptions> options,
        IOptions<StorageOptions> storage, TimeProvider clock, CancellationToken ct,
        DateTimeOffset? from = null, DateTimeOffset? to = null, string? bucket = null)
    {
        var errors = new Dictionary<string, string[]>();
        if (ComplianceRange.Parse(from, to, bucket, options.Value, storage.Value, clock.GetUtcNow(), errors) is not { } range)
            return TypedResults.ValidationProblem(errors);

        if (await cameras.GetAsync(id, ct) is not { } camera) return TypedResults.NotFound();
        var (points, bucketName) = await range.ReadAsync(camera, compliance, options.Value, ct);
        long people = 0, masked = 0, unmasked = 0, unknown = 0, incorrect = 0;
        foreach (var p in points)
        {
            people += p.People; masked += p.Masked; unmasked += p.Unmasked; unknown += p.Unknown; incorrect += p.Incorrect;
        }
        return TypedResults.Ok(new ComplianceSeriesResponse(
            id, range.Start, range.End, bucketName,
            CompliancePointResponse.From(new CompliancePoint(range.Start, people, masked, unmasked, unknown, incorrect)),
            points.Select(CompliancePointResponse.From).ToArray()));
    }

    public static WebApplicationBuilder AddCctvCompliance(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ComplianceOptions>()
            .BindConfiguration(ComplianceOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => TimeSpan.FromDays(1).Ticks % TimeSpan.FromMinutes(o.StatisticsMinBucketMinutes).Ticks == 0,
                "Compliance:StatisticsMinBucketMinutes must divide a day (e.g. 5, 10, 15, 20, 30, 60).")
            .ValidateOnStart();
        return builder;
    }
}

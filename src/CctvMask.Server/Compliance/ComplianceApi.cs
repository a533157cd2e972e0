using CctvMask.Abstractions.Privacy;
using CctvMask.Server.Hosting;
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
        var size = BucketSize.Minute;
        if (bucket is not null && (!Enum.TryParse(bucket, ignoreCase: true, out size) || !Enum.IsDefined(size) || int.TryParse(bucket, out _)))
            errors["bucket"] = ["The bucket must be minute, hour or day."];
        if (ApiTime.OutOfRange(from)) errors["from"] = [ApiTime.RangeMessage];
        if (ApiTime.OutOfRange(to)) errors["to"] = [ApiTime.RangeMessage];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var end = to ?? clock.GetUtcNow();
        var start = from ?? end.AddHours(-options.Value.DefaultRangeHours);
        var width = size switch { BucketSize.Hour => TimeSpan.FromHours(1), BucketSize.Day => TimeSpan.FromDays(1), _ => TimeSpan.FromMinutes(1) };
        if (start >= end) errors["from"] = ["'from' must be before 'to'."];
        else if ((end - start) / width > storage.Value.MaxSeriesPoints)
            errors["bucket"] = [$"The range holds more than {storage.Value.MaxSeriesPoints} buckets; use a coarser bucket or a shorter range."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        if (await cameras.GetAsync(id, ct) is not { } camera) return TypedResults.NotFound();
        IReadOnlyList<CompliancePoint> points = await compliance.GetSeriesAsync(id, start, end, size, ct);
        var bucketName = size.ToString().ToLowerInvariant();
        var coarse = options.Value.StatisticsMinBucketMinutes;
        if (camera.Privacy == PrivacyMode.Statistics && size == BucketSize.Minute && coarse > 1)
        {
            points = CoarseBuckets.Fold(points, coarse);
            bucketName = $"{coarse}min";
        }
        long people = 0, masked = 0, unmasked = 0, unknown = 0, incorrect = 0;
        foreach (var p in points)
        {
            people += p.People; masked += p.Masked; unmasked += p.Unmasked; unknown += p.Unknown; incorrect += p.Incorrect;
        }
        return TypedResults.Ok(new ComplianceSeriesResponse(
            id, start, end, bucketName,
            CompliancePointResponse.From(new CompliancePoint(start, people, masked, unmasked, unknown, incorrect)),
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

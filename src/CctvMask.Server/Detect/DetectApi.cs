using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using CctvMask.Server.Auth;
using CctvMask.Server.Detect.Contracts;
using CctvMask.Server.Telemetry;
using CctvMask.Vision.Detection;
using CctvMask.Vision.Imaging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CctvMask.Server.Detect;

/// <summary>POST /api/detect: one image in (multipart or raw body), faces with mask labels out (viewer).</summary>
public static class DetectApi
{
    public static IEndpointRouteBuilder MapDetectApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/detect").WithTags("Detect").RequireAuthorization(ApiPolicies.Viewer)
            .MapPost("/", Detect)
            .RequireRateLimiting(DetectLimiter.PolicyName)
            .Accepts<IFormFile>("multipart/form-data", "image/*", "application/octet-stream");
        return app;
    }

    public static async Task<Results<Ok<DetectResponse>, ProblemHttpResult>> Detect(
        HttpRequest request, IImageFaceDetector detector, IOptions<DetectOptions> options, ServerMetrics metrics, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var max = options.Value.MaxUploadBytes;
        byte[]? bytes;
        try
        {
            bytes = await UploadReader.ReadAsync(request, max, ct);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException and not BadHttpRequestException && !ct.IsCancellationRequested)
        {
            // A multipart body cut off before its closing boundary, or a malformed part.
            metrics.DetectDone("bad_request", Stopwatch.GetElapsedTime(started));
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
                title: "The upload is malformed.", detail: "The multipart body is incomplete or not well formed.");
        }
        if (bytes is null)
        {
            metrics.DetectDone("too_large", Stopwatch.GetElapsedTime(started));
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "The image is too large.", detail: $"Uploads are limited to {max} bytes.");
        }
        if (bytes.Length == 0)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
                title: "No image.", detail: "Send the image as the request body or as a multipart file part.");
        try
        {
            var result = await detector.DetectAsync(bytes, ct);
            metrics.DetectDone("ok", Stopwatch.GetElapsedTime(started));
            return TypedResults.Ok(result);
        }
        catch (ImageDecodeException ex)
        {
            metrics.DetectDone("bad_image", Stopwatch.GetElapsedTime(started));
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
                title: "The image could not be decoded.", detail: ex.Message);
        }
        catch (Exception ex) when (ex is ModelLoadException or ValidationException or FileNotFoundException)
        {
            // The loader's three ways to fail; /readyz and the log say which (its text names server paths).
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "The models are not loaded.", detail: "See /readyz and the server log.");
        }
        catch (ObjectDisposedException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "The server is stopping.", detail: "Inference has stopped on this server; retry on another.");
        }
    }

    public static WebApplicationBuilder AddCctvDetect(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DetectOptions>()
            .BindConfiguration(DetectOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.MaxAnalysisMegapixels <= o.MaxSourceMegapixels,
                "Detect:MaxAnalysisMegapixels must not exceed Detect:MaxSourceMegapixels.")
            .ValidateOnStart();
        DetectLimiter.Add(builder.Services);
        return builder;
    }
}

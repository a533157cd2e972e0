using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CctvMask.Server.Detect;

/// <summary>
/// Bounds concurrent <c>POST /api/detect</c> work: <see cref="DetectOptions.MaxConcurrent"/> run, up to
/// <see cref="DetectOptions.QueueLimit"/> wait, the rest get 429 ProblemDetails with Retry-After, so
/// uploads cannot starve the cameras of CPU and memory.
/// </summary>
public static class DetectLimiter
{
    public const string PolicyName = "detect";

    public static void Add(IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(PolicyName, context =>
            {
                var d = context.RequestServices.GetRequiredService<IOptions<DetectOptions>>().Value;
                return RateLimitPartition.GetConcurrencyLimiter(PolicyName, _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = d.MaxConcurrent,
                    QueueLimit = d.QueueLimit,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                });
            });
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                var http = ctx.HttpContext;
                var d = http.RequestServices.GetRequiredService<IOptions<DetectOptions>>().Value;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = d.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many detections at once.",
                        Detail = $"At most {d.MaxConcurrent} detections run and {d.QueueLimit} wait; retry after {d.RetryAfterSeconds} s.",
                    },
                });
            };
        });
    }
}

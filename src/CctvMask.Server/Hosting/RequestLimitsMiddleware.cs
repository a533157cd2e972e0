using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CctvMask.Server.Hosting;

/// <summary>
/// The request-target and header limits, enforced here so they answer 414 / 431 with
/// ProblemDetails. Kestrel's own hard limits are set higher (<see cref="ServerOptions.KestrelHeadroom"/>×);
/// only a request past those, or one Kestrel cannot parse at all, still gets Kestrel's empty-bodied answer.
/// </summary>
public sealed class RequestLimitsMiddleware(RequestDelegate next, IOptions<ServerOptions> options, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var o = options.Value;
        var target = context.Request.Path.Value?.Length + context.Request.PathBase.Value?.Length + context.Request.QueryString.Value?.Length ?? 0;
        if (target > o.MaxRequestTargetBytes)
        {
            await RejectAsync(context, StatusCodes.Status414UriTooLong, "The request URL is too long.",
                $"Request targets are limited to {o.MaxRequestTargetBytes} bytes.");
            return;
        }
        long headers = 0;
        foreach (var (name, values) in context.Request.Headers) headers += name.Length + values.ToString().Length + 4;
        if (headers > o.MaxRequestHeadersBytes)
        {
            await RejectAsync(context, StatusCodes.Status431RequestHeaderFieldsTooLarge, "The request headers are too large.",
                $"Request headers are limited to {o.MaxRequestHeadersBytes} bytes in total.");
            return;
        }
        await next(context);
    }

    private Task RejectAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }
}

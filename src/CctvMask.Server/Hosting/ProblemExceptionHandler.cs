using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CctvMask.Server.Hosting;

/// <summary>
/// Turns unhandled exceptions into ProblemDetails without exception text for 5xx (the log has it),
/// and with the message for client errors Kestrel raises (e.g. 413 body too large).
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var status = exception is Microsoft.AspNetCore.Http.BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
        if (status >= 500) LogUnhandled(logger, context.Request.Method, context.Request.Path, exception);
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = status >= 500 ? "An unexpected error occurred." : "The request was rejected.",
                Detail = status >= 500 ? null : exception.Message,
            },
        });
    }

    [LoggerMessage(EventId = 5200, Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, string method, string path, Exception exception);
}

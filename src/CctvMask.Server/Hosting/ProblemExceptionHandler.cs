using CctvMask.Storage.Database;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CctvMask.Server.Hosting;

/// <summary>
/// Turns unhandled exceptions into ProblemDetails without exception text for 5xx (the log has it),
/// and with the message for client errors Kestrel raises (e.g. 413 body too large). A database
/// error while the database is unreachable is a 503 with Retry-After, not a 500.
/// </summary>
public sealed partial class ProblemExceptionHandler(
    IProblemDetailsService problems, CctvDatabase database, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    /// <summary>Retry-After of a 503 for an unreachable database, in seconds.</summary>
    public const int DatabaseRetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var status = exception is Microsoft.AspNetCore.Http.BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
        string? title = null, detail = null;
        if (status >= 500 && DatabaseFailure.Is(exception) && !await database.CanConnectAsync(cancellationToken))
        {
            status = StatusCodes.Status503ServiceUnavailable;
            title = "The database is unavailable.";
            detail = "Live camera status stays available at /api/cameras/{id}/status and /api/fleet; try again shortly.";
            context.Response.Headers.RetryAfter = DatabaseRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            LogDatabaseDown(logger, context.Request.Method, context.Request.Path, exception.GetType().Name);
        }
        else if (status >= 500)
        {
            LogUnhandled(logger, context.Request.Method, context.Request.Path, exception);
        }
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = title ?? (status >= 500 ? "An unexpected error occurred." : "The request was rejected."),
                Detail = detail ?? (status >= 500 ? null : exception.Message),
            },
        });
    }

    [LoggerMessage(EventId = 5200, Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, string method, string path, Exception exception);

    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning, Message = "Database unavailable on {Method} {Path} ({Error}); answered 503")]
    private static partial void LogDatabaseDown(ILogger logger, string method, string path, string error);
}

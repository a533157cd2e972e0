using System.Net;

namespace CctvMask.Dashboard.Api;

/// <summary>
/// The API answered with an error. Carries the ProblemDetails title/detail and, for a 400
/// ValidationProblem, the field errors keyed by JSON field name (e.g. "url", "detectFps").
/// </summary>
public sealed class ApiException(
    HttpStatusCode statusCode,
    string message,
    IReadOnlyDictionary<string, string[]>? fieldErrors = null)
    : Exception(message)
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    public IReadOnlyDictionary<string, string[]> FieldErrors { get; } =
        fieldErrors ?? new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);

    public bool IsUnauthorized => StatusCode == HttpStatusCode.Unauthorized;

    public bool IsForbidden => StatusCode == HttpStatusCode.Forbidden;

    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;

    /// <summary>The first message for a field, case-insensitively, or null.</summary>
    public string? FieldError(string field) =>
        FieldErrors.TryGetValue(field, out var messages) && messages.Length > 0 ? string.Join(" ", messages) : null;
}

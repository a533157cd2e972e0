using System.Net;
using System.Text.Json;

namespace CctvMask.Dashboard.Api;

/// <summary>Turns an error response (ProblemDetails / ValidationProblem JSON, or anything else) into an <see cref="ApiException"/>.</summary>
internal static class ApiProblemReader
{
    public static async Task<ApiException> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        var ex = FromBody(response.StatusCode, body, response.ReasonPhrase);
        // Which call failed goes to the log only (via Data), the UI shows the API's own message.
        ex.Data["request"] = $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}";
        return ex;
    }

    internal static ApiException FromBody(HttpStatusCode status, string body, string? reason)
    {
        var fallback = $"The API answered {(int)status} {reason}".TrimEnd();
        if (string.IsNullOrWhiteSpace(body)) return new ApiException(status, fallback);
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return new ApiException(status, fallback);
            var title = root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            var detail = root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
            if (root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in e.EnumerateObject())
                {
                    errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                        ? [.. field.Value.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!)]
                        : [field.Value.ToString()];
                }
            }
            var message = string.Join(" ", new[] { title, detail }.Where(s => !string.IsNullOrWhiteSpace(s)));
            return new ApiException(status, message.Length > 0 ? message : fallback, errors);
        }
        catch (JsonException)
        {
            return new ApiException(status, fallback);
        }
    }
}

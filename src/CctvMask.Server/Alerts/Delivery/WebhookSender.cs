using System.Net.Http.Headers;
using System.Text;
using CctvMask.Server.Cameras;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CctvMask.Server.Alerts.Delivery;

/// <summary>
/// POSTs a stored payload to a webhook, signed, through a Polly pipeline: per-attempt timeout, then
/// <see cref="WebhookOptions.RetryAttempts"/> retries with exponential backoff and jitter on network errors,
/// timeouts, 408, 429 and 5xx. Every attempt's outcome is reported (the delivery log keeps them). Redirects
/// are not followed (the signed body must reach the URL the admin gave, not wherever it points).
/// </summary>
public sealed class WebhookSender
{
    public const string HttpClientName = "cctvmask-webhooks";
    private const string JsonMediaType = "application/json";

    private readonly IHttpClientFactory _clients;
    private readonly TimeProvider _clock;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public WebhookSender(IHttpClientFactory clients, IOptions<WebhookOptions> options, TimeProvider clock)
    {
        _clients = clients;
        _clock = clock;
        var o = options.Value;
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = o.RetryAttempts,
                Delay = TimeSpan.FromSeconds(o.RetryBaseDelaySeconds),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(IsTransient),
            })
            .AddTimeout(TimeSpan.FromSeconds(o.TimeoutSeconds))
            .Build();
    }

    /// <summary>
    /// Sends <paramref name="payload"/> to <paramref name="url"/>; <paramref name="onAttempt"/> hears every attempt.
    /// True when the receiver answered 2xx.
    /// </summary>
    public async Task<bool> SendAsync(
        string url, Guid eventId, string payload, string? secret, Func<DeliveryOutcome, Task> onAttempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onAttempt);
        var body = Encoding.UTF8.GetBytes(payload);
        var signature = secret is { Length: > 0 } ? WebhookSignature.Compute(secret, body) : null;
        var http = _clients.CreateClient(HttpClientName);
        try
        {
            using var response = await _pipeline.ExecuteAsync(async ct =>
            {
                HttpResponseMessage? result = null;
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue(JsonMediaType) { CharSet = "utf-8" };
                    request.Headers.Add(WebhookSignature.EventIdHeader, eventId.ToString());
                    if (signature is not null) request.Headers.Add(WebhookSignature.HeaderName, signature);
                    result = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
                    var ok = result.IsSuccessStatusCode;
                    await onAttempt(new DeliveryOutcome(ok, (int)result.StatusCode, ok ? null : $"HTTP {(int)result.StatusCode}", _clock.GetUtcNow())).ConfigureAwait(false);
                    return result;
                }
                catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    result?.Dispose();
                    await onAttempt(new DeliveryOutcome(false, null, Reason(ex), _clock.GetUtcNow())).ConfigureAwait(false);
                    throw;
                }
            }, cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static bool IsTransient(HttpResponseMessage r) =>
        (int)r.StatusCode >= 500 || r.StatusCode is System.Net.HttpStatusCode.RequestTimeout or System.Net.HttpStatusCode.TooManyRequests;

    /// <summary>A short reason without the URL's secrets (exception texts may quote the URL).</summary>
    private static string Reason(Exception ex) => ex switch
    {
        OperationCanceledException => "timed out",
        HttpRequestException { HttpRequestError: var e } when e != HttpRequestError.Unknown => e.ToString(),
        _ => CameraUrl.RedactText(ex.Message),
    };
}

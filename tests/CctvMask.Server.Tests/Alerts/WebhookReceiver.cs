using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using CctvMask.Server.Alerts.Delivery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CctvMask.Server.Tests.Alerts;

/// <summary>
/// A real webhook receiver: Kestrel on a fixed loopback port that checks every body's
/// X-CctvMask-Signature with the shared secret and records what it received. <see cref="StopAsync"/>
/// takes it down (connections refused), <see cref="StartAsync"/> brings it back on the same port.
/// </summary>
public sealed class WebhookReceiver(string secret) : IAsyncDisposable
{
    private readonly ConcurrentQueue<Received> _received = new();
    private WebApplication? _app;
    private volatile TaskCompletionSource? _hold;

    public int Port { get; } = Infrastructure.FreePort.Next();

    public string Url => $"http://127.0.0.1:{Port}/hook";

    public IReadOnlyList<Received> All => _received.ToArray();

    /// <summary>Event ids received with a valid signature, with how many times each arrived.</summary>
    public IReadOnlyDictionary<Guid, int> ValidCounts => _received.Where(r => r.SignatureValid)
        .GroupBy(r => r.EventId).ToDictionary(g => g.Key, g => g.Count());

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, Port));
        var app = builder.Build();
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            var valid = WebhookSignature.Verify(secret, body, request.Headers[WebhookSignature.HeaderName]);
            using var doc = JsonDocument.Parse(body);
            var eventId = doc.RootElement.GetProperty("eventId").GetGuid();
            _received.Enqueue(new Received(eventId, valid, doc.RootElement.GetProperty("status").GetString()!,
                doc.RootElement.GetProperty("schema").GetString()!, System.Text.Encoding.UTF8.GetString(body)));
            if (_hold is { } hold) await hold.Task;
            return valid ? Results.Ok() : Results.Unauthorized();
        });
        await app.StartAsync();
        _app = app;
    }

    /// <summary>From now on a request is recorded at once but answered only after <see cref="Release"/>.</summary>
    public void Hold() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Answers the held requests and stops holding.</summary>
    public void Release() => Interlocked.Exchange(ref _hold, null)?.TrySetResult();

    public async Task StopAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    public sealed record Received(Guid EventId, bool SignatureValid, string Status, string Schema, string Body);
}

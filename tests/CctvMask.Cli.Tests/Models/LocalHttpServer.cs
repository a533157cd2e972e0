using System.Net;

namespace CctvMask.Cli.Tests.Models;

/// <summary>An HttpListener on 127.0.0.1 that serves one payload for every GET.</summary>
internal sealed class LocalHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly byte[] _payload;
    private readonly Task _loop;

    public LocalHttpServer(byte[] payload)
    {
        _payload = payload;
        int port = ModelsCommandTests.FreePort();
        Url = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            context.Response.ContentLength64 = _payload.Length;
            await context.Response.OutputStream.WriteAsync(_payload);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}

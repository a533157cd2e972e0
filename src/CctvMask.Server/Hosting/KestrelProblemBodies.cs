using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.WebUtilities;

namespace CctvMask.Server.Hosting;

/// <summary>
/// Connection middleware that gives Kestrel's own error answers a ProblemDetails body (issue 8, item 9).
/// A request Kestrel cannot parse (a malformed request line, an unsupported HTTP version) or one past its hard
/// limits is answered by Kestrel before any application code runs, with an empty body and no hook to change it.
/// Those answers all have one shape: a lone HTTP/1.x header block with a 4xx/5xx status, <c>Content-Length: 0</c>
/// and <c>Connection: close</c>, after which Kestrel closes the connection. This sits between Kestrel and the
/// socket, forwards every byte unchanged, and only when such a block is the last thing written on a connection
/// does it send the same status with a problem+json body instead. An application response never ends a
/// connection that way: its errors already carry a ProblemDetails body.
/// Cost: one extra copy of the response bytes through a pipe. TLS: registered on plain endpoints only
/// (behind TLS the bytes are encrypted and Kestrel's answers would pass unchanged anyway).
/// </summary>
public static class KestrelProblemBodies
{
    public static ConnectionDelegate Wrap(ConnectionDelegate next) => async context =>
    {
        var transport = context.Transport;
        var pipe = new Pipe(new PipeOptions(useSynchronizationContext: false));
        var forwarding = ForwardAsync(pipe.Reader, transport.Output);
        context.Transport = new Duplex(transport.Input, pipe.Writer);
        try
        {
            await next(context);
        }
        finally
        {
            await pipe.Writer.CompleteAsync();
            await forwarding;
            context.Transport = transport;
        }
    };

    private static async Task ForwardAsync(PipeReader reader, PipeWriter output)
    {
        Exception? error = null;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync();
                var buffer = result.Buffer;
                if (IsKestrelError(buffer, out var status))
                {
                    if (result.IsCompleted)
                    {
                        output.Write(Rewrite(buffer, status));
                        await output.FlushAsync();
                        break;
                    }
                    // Hold it: if the connection ends next, it was Kestrel's answer; if more follows, it is forwarded.
                    reader.AdvanceTo(buffer.Start, buffer.End);
                    continue;
                }
                foreach (var segment in buffer) output.Write(segment.Span);
                var flush = await output.FlushAsync();
                reader.AdvanceTo(buffer.End);
                if (result.IsCompleted || flush.IsCompleted) break;
            }
        }
        catch (Exception ex) when (ex is IOException or ConnectionResetException or ConnectionAbortedException or InvalidOperationException)
        {
            error = ex; // the client went away: Kestrel's next write sees a completed pipe
        }
        finally
        {
            await reader.CompleteAsync(error);
            await output.CompleteAsync();
        }
    }

    /// <summary>Exactly one HTTP/1.x header block with a 4xx/5xx status, Content-Length: 0 and Connection: close.</summary>
    internal static bool IsKestrelError(ReadOnlySequence<byte> buffer, out int status)
    {
        status = 0;
        if (buffer.Length is < 16 or > 4096) return false;
        // Cheap byte test first: most writes are not a 4xx/5xx status line and need no string.
        Span<byte> start = stackalloc byte[10];
        buffer.Slice(0, 10).CopyTo(start);
        if (!start.StartsWith("HTTP/1."u8) || start[9] is not ((byte)'4' or (byte)'5')) return false;
        var text = Encoding.Latin1.GetString(buffer);
        if (!text.StartsWith("HTTP/1.", StringComparison.Ordinal) || text.IndexOf("\r\n\r\n", StringComparison.Ordinal) != text.Length - 4) return false;
        if (!int.TryParse(text.AsSpan(9, 3), out status) || status is < 400 or > 599) return false;
        return text.Contains("\r\nContent-Length: 0\r\n", StringComparison.OrdinalIgnoreCase)
            && text.Contains("\r\nConnection: close\r\n", StringComparison.OrdinalIgnoreCase);
    }

    internal static byte[] Rewrite(ReadOnlySequence<byte> buffer, int status)
    {
        var head = Encoding.Latin1.GetString(buffer);
        var title = ReasonPhrases.GetReasonPhrase(status);
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["type"] = status < 500 ? "https://tools.ietf.org/html/rfc9110#section-15.5" : "https://tools.ietf.org/html/rfc9110#section-15.6",
            ["title"] = string.IsNullOrEmpty(title) ? "Bad Request" : title,
            ["status"] = status,
            ["detail"] = "The server could not read this request: its request line or headers are malformed or past the server's limits.",
        });
        var lines = head[..^4].Split("\r\n").Where(l => !l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)).ToList();
        lines.Insert(1, "Content-Type: application/problem+json");
        lines.Insert(2, "Content-Length: " + body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return [.. Encoding.Latin1.GetBytes(string.Join("\r\n", lines) + "\r\n\r\n"), .. body];
    }

    private sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}

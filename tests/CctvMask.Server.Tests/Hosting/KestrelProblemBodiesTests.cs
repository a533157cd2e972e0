using System.IO.Pipelines;
using System.Net.Sockets;
using System.Text;
using CctvMask.Server.Hosting;
using CctvMask.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CctvMask.Server.Tests.Hosting;

/// <summary>Issue 8, item 9: Kestrel's own answers (unparseable request, past its hard limits) carry ProblemDetails.</summary>
public sealed class KestrelProblemBodiesTests
{
    [Fact]
    public async Task Requests_kestrel_refuses_itself_get_problem_details_from_a_real_kestrel()
    {
        await using var factory = new ServerFactory();
        factory.UseKestrel(0);
        factory.StartServer();
        var address = new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        var cases = new (string Request, int Status)[]
        {
            ("GARBAGE / HTTP/9.9\r\n\r\n", 505),
            ("GET /api/cameras\r\nHost: x\r\n\r\n", 400),
            ("GET /" + new string('a', 40_000) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414),
            ("GET /api/cameras HTTP/1.1\r\nHost: x\r\n" + string.Concat(Enumerable.Range(0, 20).Select(i => $"X-F{i}: {new string('b', 8000)}\r\n")) + "\r\n", 431),
        };
        foreach (var (request, status) in cases)
        {
            var answer = await SendAsync(address.Port, request);
            Assert.StartsWith($"HTTP/1.1 {status} ", answer);
            Assert.Contains("\r\nContent-Type: application/problem+json\r\n", answer);
            var body = answer[(answer.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
            Assert.Contains($"\"status\":{status}", body);
            Assert.Contains($"\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n", answer);
        }

        // Ordinary answers pass unchanged, two on one kept-alive connection.
        var both = await SendAsync(address.Port, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        Assert.Equal(2, both.Split("HTTP/1.1 200 OK").Length - 1);
    }

    [Fact]
    public async Task A_matching_header_block_followed_by_more_bytes_is_forwarded_unchanged()
    {
        const string Head = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        var sent = await RunAsync(async output =>
        {
            await output.WriteAsync(Encoding.Latin1.GetBytes(Head));
            await output.WriteAsync(Encoding.Latin1.GetBytes("more"));
        });
        Assert.Equal(Head + "more", sent);
    }

    [Fact]
    public async Task A_lone_kestrel_error_at_the_end_of_a_connection_gets_a_body()
    {
        var sent = await RunAsync(output => output.WriteAsync(Encoding.Latin1.GetBytes(
            "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\nServer: Kestrel\r\n\r\n")).AsTask());
        Assert.StartsWith("HTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json\r\nContent-Length: ", sent);
        Assert.Contains("\r\nServer: Kestrel\r\n", sent);
        Assert.EndsWith("}", sent);
    }

    private static async Task<string> RunAsync(Func<PipeWriter, Task> kestrel)
    {
        var toClient = new Pipe();
        var context = new DefaultConnectionContext("c1") { Transport = new TestDuplex(new Pipe().Reader, toClient.Writer) };
        await KestrelProblemBodies.Wrap(async c =>
        {
            await kestrel(c.Transport.Output);
            await c.Transport.Output.CompleteAsync();
        })(context);
        var result = await toClient.Reader.ReadAtLeastAsync(int.MaxValue);
        return Encoding.Latin1.GetString(result.Buffer);
    }

    private static async Task<string> SendAsync(int port, string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.Latin1);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await reader.ReadToEndAsync(cts.Token);
    }

    private sealed class TestDuplex(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}

using CctvMask.Server.Tests.Infrastructure;
using CctvMask.Testing;

namespace CctvMask.Server.Tests.EndToEnd;

/// <summary>
/// The built server started as `dotnet CctvMask.Server.dll` on a free loopback port with
/// environment variables only (as an operator would), JSON logs captured from stdout.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private readonly ChildProcess _process;

    private ServerProcess(ChildProcess process, string baseUrl, string dataDir)
    {
        _process = process;
        BaseUrl = baseUrl;
        DataDir = dataDir;
    }

    public string BaseUrl { get; }

    public string DataDir { get; }

    public string Output => _process.Output;

    public static async Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string>? extra = null)
    {
        var dataDir = Directory.CreateTempSubdirectory("cctvmask-e2e-").FullName;
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = baseUrl,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["CCTVMASK_DATA"] = dataDir,
            ["CCTVMASK_MODELS"] = TestEnvironment.ModelsDir,
            ["CCTVMASK_ADMIN_KEY"] = TestKeys.Admin,
            ["CCTVMASK_VIEWER_KEY"] = TestKeys.Viewer,
            ["Orleans__SiloPort"] = FreePort.Next().ToString(),
            ["Orleans__GatewayPort"] = FreePort.Next().ToString(),
            ["CameraSources__MediaRoots__0"] = TestEnvironment.SharedDir,
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string>()) env[k] = v;
        var process = new ChildProcess("dotnet", [ServerDll()], env);
        var server = new ServerProcess(process, baseUrl, dataDir);
        // The first /readyz loads the models: on a loaded 2-core machine that alone can take well over 5 s.
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await http.GetAsync("/readyz")).IsSuccessStatusCode) return server;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or still too busy starting to answer within the request timeout.
            }
            await Task.Delay(250);
        }
        var output = process.Output;
        server.Dispose();
        throw new InvalidOperationException($"The server did not become ready:\n{output}");
    }

    public HttpClient CreateClient(string apiKey)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    /// <summary>Kills the server and its ffmpeg children hard, as a crashed machine would stop.</summary>
    public void Kill() => _process.Kill();

    public void Dispose()
    {
        _process.Dispose();
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { }
    }

    /// <summary>The server build next to this test build (same configuration).</summary>
    private static string ServerDll()
    {
        var here = AppContext.BaseDirectory.TrimEnd('/');
        var tail = Path.GetRelativePath(Path.Combine(TestEnvironment.RepoRoot, "tests", "CctvMask.Server.Tests"), here);
        var dll = Path.Combine(TestEnvironment.RepoRoot, "src", "CctvMask.Server", tail, "CctvMask.Server.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"Server build missing: {dll}");
        return dll;
    }
}

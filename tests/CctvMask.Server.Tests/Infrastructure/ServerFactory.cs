using CctvMask.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CctvMask.Server.Tests.Infrastructure;

/// <summary>
/// The real server in-process: its own data folder, its own Orleans ports, SQLite by default or a
/// fresh PostgreSQL database, the real model folder, and every log line captured.
/// </summary>
public class ServerFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly bool _ownsDataDir;

    public ServerFactory(string? dataDir = null, bool withKeys = true, string? postgres = null)
    {
        _ownsDataDir = dataDir is null;
        DataDir = dataDir ?? Directory.CreateTempSubdirectory("cctvmask-server-").FullName;
        _settings = new()
        {
            ["Storage:DataDirectory"] = DataDir,
            ["Orleans:SiloPort"] = FreePort.Next().ToString(),
            ["Orleans:GatewayPort"] = FreePort.Next().ToString(),
            ["Cctv:Inference:ModelsDir"] = TestEnvironment.ModelsDir,
            ["Logging:Json"] = "false",
            // file:// cameras of the tests live in /tmp and ../shared/videos (issue 8: only under media roots).
            ["CameraSources:MediaRoots:0"] = Path.GetTempPath(),
            ["CameraSources:MediaRoots:1"] = TestEnvironment.SharedDir,
            // Many tests share one server and some send wrong keys on purpose: the throttle has its own tests.
            ["AuthThrottle:MaxFailures"] = "100000",
        };
        if (withKeys)
        {
            _settings["Auth:AdminKey"] = TestKeys.Admin;
            _settings["Auth:ViewerKey"] = TestKeys.Viewer;
        }
        if (postgres is not null)
        {
            _settings["Storage:Provider"] = "Postgres";
            _settings["Storage:ConnectionString"] = postgres;
        }
    }

    public string DataDir { get; }

    public CapturedLogs Logs { get; } = new();

    /// <summary>Extra settings a test needs (call before the first client is created).</summary>
    public ServerFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    public HttpClient CreateClient(string? apiKey)
    {
        var client = CreateClient();
        if (apiKey is not null) client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        DeleteOwnDataDir();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) DeleteOwnDataDir();
    }

    // The folder it created itself goes once the server has stopped (a caller's folder is the caller's).
    private void DeleteOwnDataDir()
    {
        if (!_ownsDataDir || !Directory.Exists(DataDir)) return;
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a late writer: /tmp is cleaned by the OS; the test result stands.
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Logs));
    }
}

using System.Net.Http.Json;
using CctvMask.Testing;
using Microsoft.Playwright;

namespace CctvMask.Dashboard.Tests.Browser;

/// <summary>
/// One real server (seeded SQLite data, one offline camera with known history) and one headless
/// Debian chromium for all browser tests.
/// </summary>
public class DashboardFixture : IAsyncLifetime
{
    public const string AdminKey = "browser-tests-admin-key-0123456789";
    public const string ViewerKey = "browser-tests-viewer-key-0123456789";

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"];

    private string? _dataDirectory;
    private ServerProcess? _server;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress => _server?.BaseAddress ?? throw new InvalidOperationException("Not started.");

    public string ServerLog => _server?.LogPath ?? "";

    public string RtspBase { get; private set; } = "";

    public DateTimeOffset SeededAt { get; private set; }

    /// <summary>
    /// Where the tests' screenshots, the server log and the page-load report go: CCTVMASK_SCREENSHOTS, else
    /// cctvmask-screenshots in the temp folder; never the checkout (the docs' images have their own test and variable).
    /// </summary>
    public static string ScreenshotDirectory { get; } =
        Environment.GetEnvironmentVariable("CCTVMASK_SCREENSHOTS") is { Length: > 0 } folder
            ? Path.GetFullPath(folder)
            : Path.Combine(Path.GetTempPath(), "cctvmask-screenshots");

    public async Task InitializeAsync()
    {
        RtspBase = TestEnvironment.Require(TestEnvironment.RtspBase, "CCTVMASK_TEST_RTSP");
        _dataDirectory = Directory.CreateTempSubdirectory("cctvmask-dashboard-").FullName;
        SeededAt = DateTimeOffset.UtcNow;
        await Seeder.SeedDatabaseAsync(_dataDirectory, SeededAt);

        var environment = new Dictionary<string, string>
        {
            ["CCTVMASK_DATA"] = _dataDirectory,
            ["CCTVMASK_ADMIN_KEY"] = AdminKey,
            ["CCTVMASK_VIEWER_KEY"] = ViewerKey,
            ["CCTVMASK_MODELS"] = TestEnvironment.ModelsDir,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            // "Compliance now" covers the seeded recent minute (2 min before seeding) for the whole run, even when
            // a loaded machine reaches the fleet assertions minutes later (the default 5-min window let it slide
            // out: "—" instead of 80 %). 30 min still ends after the previous hour's seeded bucket (≥ 50 min ago).
            ["Storage__ComplianceNowMinutes"] = "30",
            ["Orleans__SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (name, value) in Settings) environment[name] = value;
        Directory.CreateDirectory(ScreenshotDirectory);
        _server = await ServerProcess.StartAsync(environment, Path.Combine(ScreenshotDirectory, "server.log"), TimeSpan.FromSeconds(90));

        // The seeded camera is registered through the API, disabled, so its history stays exactly as seeded.
        using var api = AdminApi();
        using var created = await api.PostAsJsonAsync("api/cameras", new
        {
            id = Seeder.CameraId,
            name = Seeder.CameraName,
            url = Seeder.CameraUrl(RtspBase),
            enabled = false,
        });
        if (!created.IsSuccessStatusCode)
            throw new InvalidOperationException($"Seeding the camera failed: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");

        // The server shares two cores with the test host and chromium: give pages time to settle.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>Settings a fixture of its own adds to the server's environment (none for the shared one).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public HttpClient AdminApi()
    {
        var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        return http;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
        if (_dataDirectory is not null)
        {
            try { Directory.Delete(_dataDirectory, recursive: true); }
            catch (IOException) { /* a file still held open; the temp folder is cleaned by the OS */ }
        }
    }
}

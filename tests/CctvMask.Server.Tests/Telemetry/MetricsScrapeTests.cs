using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CctvMask.Server.Tests.Infrastructure;
using CctvMask.Testing;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

namespace CctvMask.Server.Tests.Telemetry;

/// <summary>
/// A real scrape of a server analysing the RTSP crowd clip (plus one camera that cannot connect): the product's
/// own series are there with the right types and labels, no camera URL leaks into a label, the Blazor component
/// metrics are gone and the scrape stays small, and every metric the Grafana dashboard and the alert rules in
/// infra/grafana use exists.
/// </summary>
public sealed partial class MetricsScrapeTests(ITestOutputHelper output)
{
    // How long to wait for series on a loaded machine (a bound, not a timing assertion): the crowd camera's first
    // violation usually comes within seconds of its first frame.
    private static readonly TimeSpan SeriesDeadline = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    // Before issue 10 the scrape was 4,268 lines (~1 MB, three quarters Blazor component histograms) and grew with
    // every dashboard page opened; with two cameras it is now about 385 lines and 52 KB (measured 2026-12-04).
    private const int MaxScrapeLines = 1_000;
    private const int MaxScrapeBytes = 128 * 1024;

    [GeneratedRegex(@"\bcctvmask_[a-z0-9_]+")]
    private static partial Regex MetricName();

    [Fact]
    public async Task A_running_camera_exposes_people_violations_and_compliance_and_every_metric_grafana_uses()
    {
        var rtsp = TestEnvironment.Require(TestEnvironment.RtspBase, "CCTVMASK_TEST_RTSP");
        using var server = DashboardServer();
        using var admin = server.CreateClient(TestKeys.Admin);
        const string secret = "scrapeSecret99";
        (await admin.PostJsonAsync("/api/cameras", new { id = "crowd", name = "Crowd", url = $"{rtsp}/crowd360", detectFps = 5 })).EnsureSuccessStatusCode();
        (await admin.PostJsonAsync("/api/cameras", new { id = "nowhere", name = "Nowhere", url = $"rtsp://viewer:{secret}@127.0.0.1:9/none" }))
            .EnsureSuccessStatusCode();

        var wanted = ReferencedMetrics();
        Assert.Contains("cctvmask_compliance_ratio", wanted);
        Assert.Contains("cctvmask_people_total", wanted);
        Assert.Contains("cctvmask_violations_total", wanted);

        // Dashboard pages render Blazor components: with their metrics on, each page would add histogram lines.
        using var anonymous = server.CreateClient(apiKey: null);
        foreach (var page in DashboardPages) (await anonymous.GetAsync(page)).EnsureSuccessStatusCode();

        // The compliance gauge counts closed minutes (like the fleet's "compliance now"). Rather than wait up to a
        // minute for the clock, change a setting once the camera has judged someone unmasked: the restart flushes
        // the open minute (the delta storage receives too), and the gauge counts it.
        await UntilAsync(async () => (await (await admin.GetAsync("/api/cameras/crowd/status")).ReadNodeAsync())["violations"]!.GetValue<long>() > 0,
            "the crowd camera raised no violation");
        (await admin.PutJsonAsync("/api/cameras/crowd", new { name = "Crowd", url = $"{rtsp}/crowd360", detectFps = 4 })).EnsureSuccessStatusCode();

        string scrape = "";
        await UntilAsync(async () =>
        {
            scrape = await anonymous.GetStringAsync("/metrics");
            return wanted.All(name => HasSeries(scrape, name)) && RunningCrowd().IsMatch(scrape)
                && scrape.Contains("window=\"1h\"", StringComparison.Ordinal) && AnalysedCrowd().IsMatch(scrape);
        }, "the scrape never had every series", () => Missing(scrape, wanted));

        int bytes = System.Text.Encoding.UTF8.GetByteCount(scrape), lines = scrape.Split('\n').Length;
        output.WriteLine($"/metrics: {bytes} bytes, {lines} lines");
        Assert.True(lines <= MaxScrapeLines && bytes <= MaxScrapeBytes, $"/metrics is {lines} lines, {bytes} bytes");
        Assert.Contains("# TYPE cctvmask_people_total counter", scrape);
        Assert.Contains("# TYPE cctvmask_violations_total counter", scrape);
        Assert.Contains("# TYPE cctvmask_camera_frames_analyzed_total counter", scrape);
        Assert.Contains("# TYPE cctvmask_camera_frames_decoded_total counter", scrape);
        Assert.Contains("# TYPE cctvmask_compliance_ratio gauge", scrape);
        Assert.Matches(@"cctvmask_compliance_ratio\{[^}]*camera_id=""crowd""[^}]*window=""5m""\} (0|1|0\.\d+)", scrape);
        Assert.Matches(@"cctvmask_people_total\{[^}]*camera_id=""crowd""[^}]*verdict=""unmasked""", scrape);
        Assert.Matches(@"cctvmask_violations_total\{[^}]*camera_id=""crowd""[^}]*\} [1-9]", scrape);
        Assert.Matches(@"cctvmask_camera_restarts_total\{[^}]*camera_id=""nowhere""", scrape);

        // Gone: the redundant fps gauge, the resetting frames gauge, Blazor's per-component histograms.
        Assert.DoesNotContain("fps_per_second", scrape);
        Assert.DoesNotContain("# TYPE cctvmask_camera_frames_analyzed gauge", scrape);
        Assert.DoesNotContain("aspnetcore_components", scrape);
        // Cameras are labels (their ids), never URLs, and never credentials.
        Assert.DoesNotContain(secret, scrape);
        Assert.DoesNotContain("rtsp://", scrape);
    }

    [Fact]
    public async Task Blazor_component_metrics_come_back_when_opted_in()
    {
        // The counterpart of the test above: the dashboard pages do produce component metrics, which the server
        // drops unless Metrics:IncludeDashboardComponents is set.
        using var server = DashboardServer().With("Metrics:IncludeDashboardComponents", "true");
        using var anonymous = server.CreateClient(apiKey: null);
        foreach (var page in DashboardPages) (await anonymous.GetAsync(page)).EnsureSuccessStatusCode();

        Assert.Contains("aspnetcore_components", await anonymous.GetStringAsync("/metrics"));
    }

    private static readonly string[] DashboardPages = ["/login", "/login?loggedOut=1"];

    // The in-process server listens nowhere, so the dashboard is told an API address; the login page renders
    // without calling it.
    private static ServerFactory DashboardServer() => new ServerFactory().With("Dashboard:ApiBaseAddress", "http://127.0.0.1:9/");

    [GeneratedRegex(@"cctvmask_camera_state\{[^}]*camera_id=""crowd""[^}]*state=""running""[^}]*\} 1")]
    private static partial Regex RunningCrowd();

    [GeneratedRegex(@"cctvmask_camera_frames_analyzed_total\{[^}]*camera_id=""crowd""[^}]*\} [1-9]")]
    private static partial Regex AnalysedCrowd();

    private static string Missing(string scrape, IEnumerable<string> wanted) =>
        "missing: " + string.Join(", ", wanted.Where(name => !HasSeries(scrape, name))) + "\n"
        + string.Join("\n", scrape.Split('\n').Where(l => l.StartsWith("cctvmask_compliance", StringComparison.Ordinal) || l.StartsWith("cctvmask_camera_state", StringComparison.Ordinal)));

    private static async Task UntilAsync(Func<Task<bool>> condition, string failure, Func<string>? details = null)
    {
        var deadline = DateTime.UtcNow + SeriesDeadline;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"{failure} within {SeriesDeadline.TotalSeconds} s. {details?.Invoke()}");
            await Task.Delay(PollInterval);
        }
    }

    private static bool HasSeries(string scrape, string name) =>
        scrape.Split('\n').Any(line => line.StartsWith(name, StringComparison.Ordinal)
            && line.Length > name.Length && (line[name.Length] == '{' || line[name.Length] == ' '));

    /// <summary>Every cctvmask_* name in the dashboard's queries and the alert rules' expressions.</summary>
    private static HashSet<string> ReferencedMetrics()
    {
        var folder = Path.Combine(TestEnvironment.RepoRoot, "infra", "grafana");
        var expressions = new List<string>();

        var dashboard = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "cctvmask-dashboard.json")))!;
        foreach (var panel in dashboard["panels"]!.AsArray())
            foreach (var target in panel!["targets"]!.AsArray())
                expressions.Add((string)target!["expr"]!);
        Assert.True(expressions.Count >= 8, "the dashboard has too few queries");

        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(folder, "cctvmask-alerts.yml"))) yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        int rules = 0;
        foreach (YamlMappingNode group in (YamlSequenceNode)root.Children[new YamlScalarNode("groups")])
            foreach (YamlMappingNode rule in (YamlSequenceNode)group.Children[new YamlScalarNode("rules")])
            {
                Assert.True(rule.Children.ContainsKey(new YamlScalarNode("alert")), "a rule without an alert name");
                expressions.Add(((YamlScalarNode)rule.Children[new YamlScalarNode("expr")]).Value!);
                rules++;
            }
        Assert.True(rules >= 5, "too few alert rules");

        return [.. expressions.SelectMany(e => MetricName().Matches(e).Select(m => m.Value))];
    }
}

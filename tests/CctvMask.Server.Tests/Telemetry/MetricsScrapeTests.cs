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
/// metrics are gone, and every metric the Grafana dashboard and the alert rules in infra/grafana use exists.
/// </summary>
public sealed partial class MetricsScrapeTests(ITestOutputHelper output)
{
    private static readonly TimeSpan ScrapeDeadline = TimeSpan.FromMinutes(4);

    [GeneratedRegex(@"\bcctvmask_[a-z0-9_]+")]
    private static partial Regex MetricName();

    [Fact]
    public async Task A_running_camera_exposes_people_violations_and_compliance_and_every_metric_grafana_uses()
    {
        var rtsp = TestEnvironment.Require(TestEnvironment.RtspBase, "CCTVMASK_TEST_RTSP");
        using var server = new ServerFactory();
        using var admin = server.CreateClient(TestKeys.Admin);
        const string secret = "scrapeSecret99";
        (await admin.PostJsonAsync("/api/cameras", new { id = "crowd", name = "Crowd", url = $"{rtsp}/crowd360", detectFps = 5 })).EnsureSuccessStatusCode();
        (await admin.PostJsonAsync("/api/cameras", new { id = "nowhere", name = "Nowhere", url = $"rtsp://viewer:{secret}@127.0.0.1:9/none" }))
            .EnsureSuccessStatusCode();

        var wanted = ReferencedMetrics();
        Assert.Contains("cctvmask_compliance_ratio", wanted);
        Assert.Contains("cctvmask_people_total", wanted);
        Assert.Contains("cctvmask_violations_total", wanted);

        using var anonymous = server.CreateClient(apiKey: null);
        string scrape = "";
        var deadline = DateTime.UtcNow + ScrapeDeadline;
        while (DateTime.UtcNow < deadline)
        {
            scrape = await anonymous.GetStringAsync("/metrics");
            if (wanted.All(name => HasSeries(scrape, name)) && scrape.Contains("window=\"1h\"", StringComparison.Ordinal)) break;
            await Task.Delay(TimeSpan.FromSeconds(5));
        }

        // Reported, not asserted: the scrape's size with two cameras (compare with the README's before/after).
        output.WriteLine($"/metrics: {System.Text.Encoding.UTF8.GetByteCount(scrape)} bytes, {scrape.Split('\n').Length} lines");
        var missing = wanted.Where(name => !HasSeries(scrape, name)).ToList();
        Assert.True(missing.Count == 0, "Metrics used by infra/grafana but not in /metrics: " + string.Join(", ", missing));
        Assert.Contains("# TYPE cctvmask_people_total counter", scrape);
        Assert.Contains("# TYPE cctvmask_violations_total counter", scrape);
        Assert.Contains("# TYPE cctvmask_camera_frames_analyzed_total counter", scrape);
        Assert.Contains("# TYPE cctvmask_compliance_ratio gauge", scrape);
        Assert.Matches(@"cctvmask_compliance_ratio\{camera_id=""crowd"",[^}]*window=""5m""", scrape);
        Assert.Matches(@"cctvmask_people_total\{camera_id=""crowd"",[^}]*verdict=""unmasked""", scrape);
        Assert.Matches(@"cctvmask_camera_state\{camera_id=""crowd"",[^}]*state=""running""[^}]*\} 1", scrape);

        // Gone: the redundant fps gauge, the resetting frames gauge, Blazor's per-component histograms.
        Assert.DoesNotContain("fps_per_second", scrape);
        Assert.DoesNotContain("# TYPE cctvmask_camera_frames_analyzed gauge", scrape);
        Assert.DoesNotContain("aspnetcore_components", scrape);
        // Cameras are labels (their ids), never URLs, and never credentials.
        Assert.DoesNotContain(secret, scrape);
        Assert.DoesNotContain("rtsp://", scrape);
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

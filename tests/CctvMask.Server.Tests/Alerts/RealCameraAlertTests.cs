using System.Net;
using System.Text.Json.Nodes;
using CctvMask.Server.Tests.Infrastructure;
using CctvMask.Testing;
using Xunit.Abstractions;

namespace CctvMask.Server.Tests.Alerts;

/// <summary>
/// complianceBelow and unmaskedAbove from a real camera: the RTSP crowd clip analysed by the real models in an
/// in-process server; its counts (the open minute from the live status, closed minutes from the database) reach the
/// evaluator and both rules post a signed <c>triggered</c>
/// webhook naming the camera.
/// </summary>
public sealed class RealCameraAlertTests(ITestOutputHelper output)
{
    private const string Secret = "camera-secret-8c1d4e7f2a5b9036";
    private const string CameraId = "alert-crowd";
    // A bound for a loaded 2-core machine, not a timing assertion.
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_streaming_camera_with_unmasked_people_triggers_compliance_and_unmasked_webhooks_naming_it()
    {
        var rtsp = TestEnvironment.Require(TestEnvironment.RtspBase, "CCTVMASK_TEST_RTSP");
        await using var receiver = new WebhookReceiver(Secret);
        await receiver.StartAsync();
        await using var factory = new ServerFactory().WithFastAlerts();
        using var admin = factory.CreateClient(TestKeys.Admin);
        var url = $"{rtsp}/crowd360";
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJsonAsync("/api/cameras", new { id = CameraId, name = "Crowd", url, detectFps = 5 })).StatusCode);

        // The clip shows unmasked people in most photos (ground truth): compliance stays below 100 % and more than
        // one unmasked person is counted over the window.
        var compliance = await CreateRuleAsync(admin, new
        {
            name = "Crowd compliance", kind = "complianceBelow", cameraId = CameraId, threshold = 100, minPeople = 3, windowMinutes = 5,
            webhookUrl = receiver.Url, webhookSecret = Secret,
        });
        var unmasked = await CreateRuleAsync(admin, new
        {
            name = "Crowd unmasked", kind = "unmaskedAbove", cameraId = CameraId, threshold = 1, windowMinutes = 5,
            webhookUrl = receiver.Url, webhookSecret = Secret,
        });

        // Nothing is done to the camera: the evaluator adds the open minute's counts (from the live status) to the
        // closed minutes in the database, so the rules fire while the first minute is still running.
        await Eventually.TrueAsync(() => Task.FromResult(Triggered(receiver, compliance) is not null && Triggered(receiver, unmasked) is not null),
            Bound, "both webhooks");
        var low = Triggered(receiver, compliance)!;
        var many = Triggered(receiver, unmasked)!;
        foreach (var body in new[] { low, many })
        {
            output.WriteLine(body.ToJsonString());
            Assert.Equal(CameraId, (string)body["cameraId"]!);
            Assert.Equal("camera", (string)body["rule"]!["scope"]!);
            Assert.Contains($"on camera {CameraId}", (string)body["message"]!);
        }
        // What the camera counted is what the rules judged: compliance below 100 % needs someone unmasked; more than one unmasked.
        Assert.True((double)low["value"]! < 100 && (long)low["window"]!["unmasked"]! >= 1);
        Assert.True((long)many["window"]!["unmasked"]! > 1 && (double)many["value"]! == (long)many["window"]!["unmasked"]!);
        Assert.All(receiver.All, r => Assert.True(r.SignatureValid));
    }

    private static JsonNode? Triggered(WebhookReceiver receiver, Guid ruleId) => receiver.All
        .Where(r => r.Status == "triggered").Select(r => JsonNode.Parse(r.Body)!)
        .FirstOrDefault(b => (Guid)b["rule"]!["id"]! == ruleId);

    private static async Task<Guid> CreateRuleAsync(HttpClient admin, object body)
    {
        var rule = await admin.PostJsonAsync("/api/alerts/rules", body);
        Assert.True(rule.StatusCode == HttpStatusCode.Created, await rule.Content.ReadAsStringAsync());
        return (Guid)(await rule.ReadNodeAsync())["id"]!;
    }
}

using System.Net;
using CctvMask.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CctvMask.Server.Tests.Alerts;

/// <summary>/api/alerts/rules: CRUD, admin only, ValidationProblem on bad input, the secret write-only.</summary>
[Collection(ApiCollection.Name)]
public sealed class AlertRulesApiTests(SqliteServerFixture fixture)
{
    private const string Secret = "rule-secret-0123456789abcdef";
    private readonly ServerFactory _factory = fixture.Factory;

    public static TheoryData<string, string> BadRules => new()
    {
        { """{"kind":"complianceBelow","threshold":80}""", "name" },
        { """{"name":"x","kind":"sometimes","threshold":80}""", "kind" },
        { """{"name":"x","kind":"1","threshold":80}""", "kind" },
        { """{"name":"x","kind":"complianceBelow"}""", "threshold" },
        { """{"name":"x","kind":"complianceBelow","threshold":120}""", "threshold" },
        { """{"name":"x","kind":"complianceBelow","threshold":0}""", "threshold" },
        { """{"name":"x","kind":"complianceBelow","threshold":80,"minPeople":0}""", "minPeople" },
        { """{"name":"x","kind":"complianceBelow","threshold":80,"windowMinutes":0}""", "windowMinutes" },
        { """{"name":"x","kind":"complianceBelow","threshold":80,"windowMinutes":100000}""", "windowMinutes" },
        { """{"name":"x","kind":"complianceBelow","threshold":80,"hysteresis":-1}""", "hysteresis" },
        { """{"name":"x","kind":"unmaskedAbove","threshold":2.5}""", "threshold" },
        { """{"name":"x","kind":"unmaskedAbove","threshold":3,"hysteresis":4}""", "hysteresis" },
        { """{"name":"x","kind":"cameraNotRunning","threshold":0}""", "threshold" },
        { """{"name":"x","kind":"cameraNotRunning","threshold":60,"cooldownSeconds":-5}""", "cooldownSeconds" },
        { """{"name":"x","kind":"cameraNotRunning","threshold":60,"cameraId":"Bad Id!"}""", "cameraId" },
        { """{"name":"x","kind":"cameraNotRunning","threshold":60,"cameraId":"no-such-camera"}""", "cameraId" },
        { """{"name":"x","kind":"cameraNotRunning","threshold":60,"webhookUrl":"ftp://example.com/h","webhookSecret":"0123456789abcdefgh"}""", "webhookUrl" },
        { """{"name":"x","kind":"cameraNotRunning","threshold":60,"webhookUrl":"http://127.0.0.1:9/h","webhookSecret":"0123456789abcdefgh"}""", "webhookUrl" },
        { """{"name":"x","kind":"cameraNotRunning","threshold":60,"webhookUrl":"http://169.254.169.254/latest","webhookSecret":"0123456789abcdefgh"}""", "webhookUrl" },
        { """{"name":"x","kind":"cameraNotRunning","threshold":60,"webhookUrl":"https://hooks.example.com/h"}""", "webhookSecret" },
        { """{"name":"x","kind":"cameraNotRunning","threshold":60,"webhookUrl":"https://hooks.example.com/h","webhookSecret":"short"}""", "webhookSecret" },
        { """{"name":"x","kind":"cameraNotRunning","threshold":60,"webhookSecret":"0123456789abcdefgh"}""", "webhookSecret" },
        { """{"name":"x","kind":"cameraNotRunning","threshold":60,"scope":"everywhere"}""", "scope" },
        { """{"name":"x","kind":"cameraNotRunning","threshold":60,"scope":"2"}""", "scope" },
        { """{"name":"x","kind":"cameraNotRunning","threshold":60,"scope":"camera"}""", "cameraId" },
        { """{"name":"x","kind":"complianceBelow","threshold":60,"scope":"fleet","cameraId":"lobby"}""", "cameraId" },
        { """{"name":"x","kind":"unmaskedAbove","threshold":6,"scope":"eachCamera","cameraId":"lobby"}""", "cameraId" },
    };

    [Theory]
    [MemberData(nameof(BadRules))]
    public async Task Bad_rule_input_gets_a_validation_problem_naming_the_field(string body, string field)
    {
        using var admin = _factory.CreateClient(TestKeys.Admin);
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await admin.PostAsync("/api/alerts/rules", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.ReadNodeAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"expected an error on '{field}', got {errors.ToJsonString()}");
    }

    [Fact]
    public async Task Malformed_json_and_unknown_ids_are_client_errors()
    {
        using var admin = _factory.CreateClient(TestKeys.Admin);
        using var content = new StringContent("{\"name\":", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync("/api/alerts/rules", content)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/alerts/rules/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/alerts/rules/{Guid.NewGuid()}/test", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/alerts/rules/not-a-guid")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/alerts/events?limit=0")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/alerts/deliveries?limit=100000")).StatusCode);
    }

    [Fact]
    public async Task Rules_are_for_admins_and_events_for_viewers()
    {
        using var viewer = _factory.CreateClient(TestKeys.Viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/api/alerts/rules")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostJsonAsync("/api/alerts/rules", new { name = "x", kind = "cameraNotRunning", threshold = 60 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/alerts/events")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/alerts/deliveries")).StatusCode);
        using var anonymous = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/alerts/events")).StatusCode);
    }

    [Fact]
    public async Task Create_read_update_delete_with_kind_defaults_and_the_secret_kept_write_only()
    {
        using var admin = _factory.CreateClient(TestKeys.Admin);
        var created = await admin.PostJsonAsync("/api/alerts/rules", new
        {
            name = "Low compliance", kind = "complianceBelow", threshold = 75,
            webhookUrl = "https://hooks.example.com/cctv?token=abc123", webhookSecret = Secret,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var text = await created.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Secret, text);
        Assert.DoesNotContain("abc123", text);
        var rule = await created.ReadNodeAsync();
        var id = (Guid)rule["id"]!;
        try
        {
            Assert.Equal(10, (int)rule["windowMinutes"]!);
            Assert.Equal(10, (int)rule["minPeople"]!);
            Assert.Equal(5, (double)rule["hysteresis"]!);
            Assert.Equal(900, (int)rule["cooldownSeconds"]!);
            Assert.Equal("eachCamera", (string)rule["scope"]!);    // no camera, no scope: each camera on its own
            Assert.True((bool)rule["hasWebhookSecret"]!);
            Assert.Null(rule["webhookSecret"]);

            // A PUT echoing the masked URL and no secret keeps both.
            var put = await admin.PutJsonAsync($"/api/alerts/rules/{id}", new
            {
                name = "Low compliance (lobby)", kind = "complianceBelow", threshold = 70, webhookUrl = (string)rule["webhookUrl"]!,
            });
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            var updated = await put.ReadNodeAsync();
            Assert.Equal(70, (double)updated["threshold"]!);
            Assert.Equal("eachCamera", (string)updated["scope"]!);
            Assert.True((bool)updated["hasWebhookSecret"]!);
            var repo = _factory.Services.GetRequiredService<CctvMask.Storage.Alerts.AlertRuleRepository>();
            Assert.Equal("https://hooks.example.com/cctv?token=abc123", (await repo.GetAsync(id))!.Spec.WebhookUrl);
            // Stored encrypted; the server's key ring decrypts it.
            var stored = await repo.GetWebhookSecretAsync(id);
            Assert.DoesNotContain(Secret, stored!);
            Assert.Equal(Secret, _factory.Services.GetRequiredKeyedService<CctvMask.Server.KeyRing.SecretProtector>(CctvMask.Server.KeyRing.SecretProtector.WebhookSecret).TryUnprotect(stored!));

            // The fleet scope: stored and returned, no camera; a PUT may change the scope.
            var fleet = await admin.PutJsonAsync($"/api/alerts/rules/{id}", new
            {
                name = "Low compliance (fleet)", kind = "complianceBelow", scope = "Fleet", threshold = 70, webhookUrl = (string)rule["webhookUrl"]!,
            });
            Assert.Equal(HttpStatusCode.OK, fleet.StatusCode);
            var fleetRule = await admin.GetFromJsonNodeAsync($"/api/alerts/rules/{id}");
            Assert.Equal("fleet", (string)fleetRule["scope"]!);
            Assert.Null(fleetRule["cameraId"]);
            Assert.Equal(CctvMask.Storage.Alerts.AlertRuleScope.Fleet, (await repo.GetAsync(id))!.Spec.Scope);

            Assert.Contains(id, (await admin.GetFromJsonNodeAsync("/api/alerts/rules")).AsArray().Select(r => (Guid)r!["id"]!));
        }
        finally
        {
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/alerts/rules/{id}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/alerts/rules/{id}")).StatusCode);
    }

    [Fact]
    public async Task Every_rule_change_is_in_the_audit_log_with_its_target_and_never_the_secret()
    {
        const string NewSecret = "replaced-secret-0123456789abcdef";
        using var admin = _factory.CreateClient(TestKeys.Admin);
        var created = await admin.PostJsonAsync("/api/alerts/rules", new
        {
            name = "Audited rule", kind = "cameraNotRunning", threshold = 60,
            webhookUrl = "https://hooks.example.com/audit?token=tok987", webhookSecret = Secret,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (Guid)(await created.ReadNodeAsync())["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJsonAsync($"/api/alerts/rules/{id}", new
        {
            name = "Audited rule", kind = "cameraNotRunning", threshold = 90,
            webhookUrl = "https://hooks.example.com/audit?token=tok987", webhookSecret = NewSecret,
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync($"/api/alerts/rules/{id}/test", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutJsonAsync($"/api/alerts/rules/{id}", new { name = "Audited rule", kind = "cameraNotRunning", threshold = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/alerts/rules/{id}")).StatusCode);

        var audit = await admin.GetAsync($"/api/audit?action=alert_rule.&target={id}&pageSize=50");
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        var text = await audit.Content.ReadAsStringAsync();
        var lines = (await audit.ReadNodeAsync())["items"]!.AsArray()
            .Select(n => ((string)n!["action"]!, (string)n["outcome"]!, (string?)n["detail"])).ToList();
        Assert.Contains(("alert_rule.create", "ok", null), lines);
        Assert.Contains(("alert_rule.update", "ok", "webhook secret replaced"), lines);
        Assert.Contains(("alert_rule.update", "invalid", null), lines);
        Assert.Contains(lines, l => l is ("alert_rule.test", "ok", { } detail) && detail.StartsWith("queued on", StringComparison.Ordinal));
        Assert.Contains(("alert_rule.delete", "ok", null), lines);
        Assert.DoesNotContain(Secret, text);
        Assert.DoesNotContain(NewSecret, text);
        Assert.DoesNotContain("tok987", text);
    }
}

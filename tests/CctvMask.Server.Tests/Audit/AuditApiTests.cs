using System.Net;
using CctvMask.Server.Auth;
using CctvMask.Server.Tests.Infrastructure;
using CctvMask.Storage.Violations;
using Microsoft.Extensions.DependencyInjection;

namespace CctvMask.Server.Tests.Audit;

/// <summary>The audit log end to end: named keys, what is recorded, GET /api/audit (admin, filters, paging, CSV), no secret anywhere.</summary>
public sealed class AuditApiTests : IAsyncLifetime
{
    private const string OpsKey = "ops-laptop-key-9f8e7d6c5b4a3210";
    private const string AuditorKey = "auditor-tablet-key-0a1b2c3d4e5f";
    private const string UrlPassword = "AuditPw0rdSecret";
    private readonly ServerFactory _factory = new ServerFactory()
        .With("Auth:Keys:0:Name", "ops-laptop").With("Auth:Keys:0:Role", "admin").With("Auth:Keys:0:Sha256", ApiKeyHash.Hex(OpsKey))
        .With("Auth:Keys:1:Name", "auditor").With("Auth:Keys:1:Role", "viewer").With("Auth:Keys:1:Sha256", ApiKeyHash.Hex(AuditorKey).ToUpperInvariant());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Mutations_and_evidence_reads_are_recorded_with_the_key_name_and_nothing_secret_leaks()
    {
        using var ops = _factory.CreateClient(OpsKey);
        using var auditor = _factory.CreateClient(AuditorKey);
        var texts = new List<string>();

        var created = await ops.PostJsonAsync("/api/cameras", new { name = "Audited door", url = $"rtsp://cam:{UrlPassword}@10.255.0.2/s", enabled = false });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        texts.Add(await created.Content.ReadAsStringAsync());
        var id = (string)(await created.ReadNodeAsync())["id"]!;
        var violation = new ViolationRecord(Guid.NewGuid(), id, DateTimeOffset.UtcNow, 1, 0.9f, new FaceBox(1, 1, 9, 9), [0xFF, 0xD8, 1], [0xFF, 0xD8, 2]);
        await _factory.Services.GetRequiredService<ViolationRepository>().InsertAsync([violation]);

        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/api/violations/{violation.EventId}/snapshot")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/api/violations/{violation.EventId}/face")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync($"/api/violations/{Guid.NewGuid()}/snapshot")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.DeleteAsync($"/api/cameras/{id}")).StatusCode);
        // A polled live view (the camera is off: no frame yet) is recorded once per window, not per poll.
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync($"/api/cameras/{id}/frame")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/api/audit")).StatusCode);
        using (var export = new HttpRequestMessage(HttpMethod.Get, $"/api/violations?cameraId={id}"))
        {
            export.Headers.Add("X-Cctv-Export", "csv");
            Assert.Equal(HttpStatusCode.OK, (await auditor.SendAsync(export)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await ops.PutJsonAsync($"/api/cameras/{id}", new { name = "Audited door", url = $"rtsp://cam:{UrlPassword}@10.255.0.2/s", enabled = false, privacyMode = "blurred" })).StatusCode);

        var page = await (await ops.GetAsync("/api/audit?pageSize=50")).ReadNodeAsync();
        texts.Add(page.ToJsonString());
        var lines = page["items"]!.AsArray().Select(n => (
            Action: (string)n!["action"]!, Key: (string)n["keyName"]!, Role: (string)n["role"]!, Target: (string?)n["target"], Outcome: (string)n["outcome"]!)).ToList();
        Assert.Contains(("camera.create", "ops-laptop", "admin", id, "ok"), lines);
        Assert.Contains(("violation.snapshot", "auditor", "viewer", violation.EventId.ToString(), "ok"), lines);
        Assert.Contains(("violation.face", "auditor", "viewer", violation.EventId.ToString(), "ok"), lines);
        Assert.Contains(lines, l => l is { Action: "violation.snapshot", Outcome: "not_found" });
        Assert.Contains(("camera.delete", "auditor", "viewer", id, "forbidden"), lines);
        Assert.Contains(("violations.export", "auditor", "viewer", id, "ok"), lines);
        Assert.Contains(("camera.update", "ops-laptop", "admin", id, "ok"), lines);
        Assert.Single(lines, l => l.Action == "camera.frame");
        Assert.Contains(lines, l => l is { Action: "camera.privacy", Key: "ops-laptop" });
        Assert.Equal(lines.Count, (int)page["total"]!);

        // Filters and paging.
        var byAuditor = await (await ops.GetAsync("/api/audit?keyName=auditor&action=violation.&pageSize=2")).ReadNodeAsync();
        Assert.Equal(3, (int)byAuditor["total"]!);
        Assert.Equal(2, byAuditor["items"]!.AsArray().Count);
        var second = await (await ops.GetAsync("/api/audit?keyName=auditor&action=violation.&pageSize=2&page=2")).ReadNodeAsync();
        Assert.Single(second["items"]!.AsArray());
        var bad = await ops.GetAsync("/api/audit?page=0&pageSize=100000&from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badErrors = (await bad.ReadNodeAsync())["errors"]!;
        Assert.NotNull(badErrors["page"]);
        Assert.NotNull(badErrors["pageSize"]);
        Assert.NotNull(badErrors["from"]);

        // CSV: the same lines, and the export itself is recorded.
        var csv = await ops.GetAsync("/api/audit/export.csv?keyName=auditor");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var csvText = await csv.Content.ReadAsStringAsync();
        texts.Add(csvText);
        var rows = csvText.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,at_utc,key_name,role,remote_address,action,target,outcome,detail", rows[0]);
        Assert.Equal(lines.Count(l => l.Key == "auditor"), rows.Length - 1);
        Assert.All(rows.Skip(1), r => Assert.Contains(",auditor,viewer,", r));
        var exportLine = await (await ops.GetAsync("/api/audit?action=audit.export")).ReadNodeAsync();
        Assert.Equal("ops-laptop", (string)exportLine["items"]![0]!["keyName"]!);

        // No key, key hash or camera password in any response, export or log line.
        texts.Add(_factory.Logs.AllText);
        foreach (var secret in new[] { OpsKey, AuditorKey, TestKeys.Admin, TestKeys.Viewer, ApiKeyHash.Hex(OpsKey), UrlPassword })
            Assert.All(texts, t => Assert.DoesNotContain(secret, t, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_environment_keys_keep_working_under_their_default_names()
    {
        using var admin = _factory.CreateClient(TestKeys.Admin);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJsonAsync("/api/cameras", new { name = "Env key cam " + Guid.NewGuid().ToString("N")[..6], url = "rtsp://10.255.0.3/s", enabled = false })).StatusCode);
        var page = await (await admin.GetAsync("/api/audit?action=camera.create&keyName=admin")).ReadNodeAsync();
        Assert.True((int)page["total"]! >= 1);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.CreateClient(ApiKeyHash.Hex(OpsKey)).GetAsync("/api/cameras")).StatusCode);
    }

    [Fact]
    public async Task An_export_matching_more_lines_than_the_cap_is_refused_before_the_file_starts_not_cut_short()
    {
        await using var factory = new ServerFactory().With("Audit:MaxExportRows", "2");
        using var admin = factory.CreateClient(TestKeys.Admin);
        var from = DateTimeOffset.UtcNow.AddSeconds(-1).ToString("O");
        var ids = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            var created = await admin.PostJsonAsync("/api/cameras", new { name = $"Capped export {i}", url = $"rtsp://cam:{UrlPassword}@10.255.0.4/s", enabled = false });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            ids.Add((string)(await created.ReadNodeAsync())["id"]!);
        }

        using var refused = await admin.GetAsync($"/api/audit/export.csv?action=camera.create&from={Uri.EscapeDataString(from)}");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        var body = await refused.Content.ReadAsStringAsync();
        var message = (string)(await refused.ReadNodeAsync())["errors"]!["from"]![0]!;
        Assert.Matches(@"holds \d+ audit lines; one export holds at most 2 \(Audit:MaxExportRows\)", message);
        Assert.DoesNotContain(UrlPassword, body, StringComparison.Ordinal);

        // Narrowed to one camera: the whole file.
        var csv = await (await admin.GetAsync($"/api/audit/export.csv?action=camera.create&target={ids[1]}")).Content.ReadAsStringAsync();
        var row = Assert.Single(csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1));
        Assert.Contains(ids[1], row, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-a-hash", "admin", "ops")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000", "root", "ops")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000", "admin", "bad name!")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000", "admin", "admin")]
    public void A_bad_named_key_stops_the_server_at_start(string hash, string role, string name)
    {
        using var factory = new ServerFactory().With("Auth:Keys:0:Name", name).With("Auth:Keys:0:Role", role).With("Auth:Keys:0:Sha256", hash);
        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("Auth:Keys:0", ex.ToString(), StringComparison.Ordinal);
    }
}

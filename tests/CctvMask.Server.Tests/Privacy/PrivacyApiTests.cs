using System.Net;
using CctvMask.Abstractions.Privacy;
using CctvMask.Server.Tests.Infrastructure;
using CctvMask.Storage.Audit;
using CctvMask.Storage.Violations;
using Microsoft.Extensions.DependencyInjection;

namespace CctvMask.Server.Tests.Privacy;

/// <summary>Privacy mode and retention through the camera API: validation, purge on a stricter mode, what is served.</summary>
[Collection(ApiCollection.Name)]
public sealed class PrivacyApiTests(SqliteServerFixture fixture)
{
    private readonly ServerFactory _factory = fixture.Factory;

    private static object Camera(string name, string? mode = null, int? retentionDays = null) =>
        new { name, url = "rtsp://10.255.0.1:554/stream", enabled = false, privacyMode = mode, retentionDays };

    [Fact]
    public async Task Mode_and_retention_are_stored_returned_and_validated()
    {
        using var admin = _factory.CreateClient(TestKeys.Admin);
        var created = await admin.PostJsonAsync("/api/cameras", Camera("Privacy platform " + Guid.NewGuid().ToString("N")[..6], "Statistics", 14));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.ReadNodeAsync();
        Assert.Equal("statistics", (string)body["privacyMode"]!);
        Assert.Equal(14, (int)body["retentionDays"]!);

        var plain = await (await admin.PostJsonAsync("/api/cameras", Camera("Privacy default " + Guid.NewGuid().ToString("N")[..6]))).ReadNodeAsync();
        Assert.Equal("evidence", (string)plain["privacyMode"]!);
        Assert.Null(plain["retentionDays"]);

        var bad = await admin.PostJsonAsync("/api/cameras", Camera("Bad privacy", "2", 0));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var errors = (await bad.ReadNodeAsync())["errors"]!;
        Assert.NotNull(errors["privacyMode"]);
        Assert.NotNull(errors["retentionDays"]);
    }

    [Fact]
    public async Task A_stricter_mode_purges_says_what_it_purged_and_stops_serving_images()
    {
        using var admin = _factory.CreateClient(TestKeys.Admin);
        using var viewer = _factory.CreateClient(TestKeys.Viewer);
        var id = (string)(await (await admin.PostJsonAsync("/api/cameras", Camera("Purge me " + Guid.NewGuid().ToString("N")[..6]))).ReadNodeAsync())["id"]!;
        var violations = _factory.Services.GetRequiredService<ViolationRepository>();
        var now = DateTimeOffset.UtcNow;
        var records = Enumerable.Range(0, 3).Select(i => new ViolationRecord(Guid.NewGuid(), id, now.AddSeconds(-i), i, 0.9f,
            new FaceBox(10, 10, 20, 20), [0xFF, 0xD8, 1, (byte)i], [0xFF, 0xD8, 2, (byte)i])).ToList();
        await violations.InsertAsync(records);
        var first = records[0].EventId;
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/violations/{first}/face")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/violations/{first}/snapshot")).StatusCode);

        // evidence -> blurred: face crops and evidence snapshots go, the records stay.
        var blurred = await admin.PutJsonAsync($"/api/cameras/{id}", Camera("Purge me", "blurred"));
        Assert.Equal(HttpStatusCode.OK, blurred.StatusCode);
        var purged = (await blurred.ReadNodeAsync())["purged"]!;
        Assert.Equal(("evidence", "blurred"), ((string)purged["from"]!, (string)purged["to"]!));
        Assert.Equal((0, 3, 3), ((int)purged["violationsDeleted"]!, (int)purged["snapshotsDeleted"]!, (int)purged["faceCropsDeleted"]!));
        var face = await viewer.GetAsync($"/api/violations/{first}/face");
        Assert.Equal(HttpStatusCode.NotFound, face.StatusCode);
        Assert.Equal("application/problem+json", face.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/api/violations/{first}/snapshot")).StatusCode);
        Assert.Equal(3, (int)(await (await viewer.GetAsync($"/api/violations?cameraId={id}")).ReadNodeAsync())["total"]!);

        // blurred -> statistics: no per-person record is left, no image of the camera is served.
        var stats = await (await admin.PutJsonAsync($"/api/cameras/{id}", Camera("Purge me", "statistics"))).ReadNodeAsync();
        Assert.Equal(3, (int)stats["purged"]!["violationsDeleted"]!);
        Assert.Equal(0, (int)(await (await viewer.GetAsync($"/api/violations?cameraId={id}")).ReadNodeAsync())["total"]!);
        var frame = await viewer.GetAsync($"/api/cameras/{id}/frame");
        Assert.Equal(HttpStatusCode.Forbidden, frame.StatusCode);
        Assert.Equal("application/problem+json", frame.Content.Headers.ContentType?.MediaType);
        Assert.Contains("privacy", await frame.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        // Back to a laxer mode purges nothing and says nothing about purging.
        var back = await (await admin.PutJsonAsync($"/api/cameras/{id}", Camera("Purge me", "evidence"))).ReadNodeAsync();
        Assert.Null(back["purged"]);

        var audit = _factory.Services.GetRequiredService<AuditRepository>();
        var changes = await audit.QueryAsync(new AuditQuery(ActionPrefix: "camera.privacy", Target: id));
        Assert.Equal(3, changes.Total);
        Assert.Contains(changes.Items, e => e.Detail!.Contains("blurred -> statistics; purged 3 violations", StringComparison.Ordinal));
        Assert.All(changes.Items, e => Assert.Equal("admin", e.KeyName));
    }

    [Fact]
    public async Task A_statistics_camera_gets_coarse_compliance_buckets()
    {
        using var admin = _factory.CreateClient(TestKeys.Admin);
        var id = (string)(await (await admin.PostJsonAsync("/api/cameras", Camera("Coarse " + Guid.NewGuid().ToString("N")[..6], "statistics"))).ReadNodeAsync())["id"]!;
        var compliance = _factory.Services.GetRequiredService<Storage.Compliance.ComplianceRepository>();
        var t0 = new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
        await compliance.ApplyAsync(Enumerable.Range(0, 45).Select(m =>
            new Storage.Compliance.ComplianceDelta(Guid.NewGuid(), id, t0.AddMinutes(m), 2, 1, 1, 0)).ToList());

        var series = await (await admin.GetAsync($"/api/cameras/{id}/compliance?from=2026-11-30T10:00:00Z&to=2026-11-30T11:00:00Z&bucket=minute")).ReadNodeAsync();

        Assert.Equal("20min", (string)series["bucket"]!);
        var points = series["points"]!.AsArray();
        Assert.Equal([40L, 40L, 10L], points.Select(p => (long)p!["people"]!));
        Assert.Equal(90, (long)series["total"]!["people"]!);
    }
}

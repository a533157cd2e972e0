using System.Net;
using CctvMask.Server.Tests.Infrastructure;
using CctvMask.Storage.Compliance;
using Microsoft.Extensions.DependencyInjection;

namespace CctvMask.Server.Tests.Compliance;

/// <summary>GET /api/compliance/export.csv: the series' buckets as CSV, the same checks, audited, capped, and no camera URL.</summary>
public sealed class ComplianceExportTests : IAsyncLifetime
{
    private const string UrlUser = "exportuser";
    private const string UrlPassword = "Exp0rtS3cretPw";
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    private readonly ServerFactory _factory = new ServerFactory().With("Compliance:MaxExportRows", "30");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<string> CameraAsync(HttpClient admin, string name, string? mode = null)
    {
        var created = await admin.PostJsonAsync("/api/cameras",
            new { name, url = $"rtsp://{UrlUser}:{UrlPassword}@10.255.0.3:554/stream", enabled = false, privacyMode = mode });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (string)(await created.ReadNodeAsync())["id"]!;
    }

    private Task ApplyAsync(params ComplianceDelta[] deltas) =>
        _factory.Services.GetRequiredService<ComplianceRepository>().ApplyAsync(deltas);

    private static string[] Lines(string csv) => csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task A_viewer_exports_a_cameras_buckets_with_every_count_and_the_export_is_audited()
    {
        using var admin = _factory.CreateClient(TestKeys.Admin);
        using var viewer = _factory.CreateClient(TestKeys.Viewer);
        var id = await CameraAsync(admin, "=Gate, north");
        await ApplyAsync(
            new ComplianceDelta(Guid.NewGuid(), id, T0, 6, 3, 2, 1, Incorrect: 1),
            new ComplianceDelta(Guid.NewGuid(), id, T0.AddMinutes(2), 2, 0, 0, 2));

        using var response = await viewer.GetAsync($"/api/compliance/export.csv?cameraId={id}&from=2026-11-30T10:00:00Z&to=2026-11-30T10:05:00Z&bucket=minute");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(
        [
            "bucket_start_utc,camera_id,camera_name,people,masked,unmasked,incorrect,unknown,masked_share,bucket",
            $"2026-11-30T10:00:00Z,{id},\"'=Gate, north\",6,3,2,1,1,0.6,minute", // the name can run no formula
            $"2026-11-30T10:02:00Z,{id},\"'=Gate, north\",2,0,0,0,2,,minute",   // nobody assessable: no share
        ], Lines(await response.Content.ReadAsStringAsync()));

        var audit = await (await admin.GetAsync($"/api/audit?action=compliance.export&target={id}")).ReadNodeAsync();
        var line = Assert.Single(audit["items"]!.AsArray());
        Assert.Equal(("viewer", "ok"), ((string)line!["role"]!, (string)line["outcome"]!));
        Assert.Contains("2026-11-30T10:00:00", (string)line["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Statistics_cameras_export_folded_buckets_a_fleet_range_over_the_row_cap_is_refused_and_no_camera_url_shows()
    {
        using var admin = _factory.CreateClient(TestKeys.Admin);
        var open = await CameraAsync(admin, "Open hall");
        var stats = await CameraAsync(admin, "Statistics hall", "statistics");
        var t1 = T0.AddDays(-1); // a day no other test of this class writes
        await ApplyAsync([.. Enumerable.Range(0, 40).SelectMany(m => new[]
        {
            new ComplianceDelta(Guid.NewGuid(), open, t1.AddMinutes(m), 2, 1, 1, 0),
            new ComplianceDelta(Guid.NewGuid(), stats, t1.AddMinutes(m), 2, 1, 1, 0),
        })]);
        const string range = "from=2026-11-29T10:00:00Z&to=2026-11-29T11:00:00Z";

        // The statistics camera serves 20-minute buckets, as its series does: 40 minutes → 2 rows of 40 people.
        var folded = await (await admin.GetAsync($"/api/compliance/export.csv?cameraId={stats}&{range}")).Content.ReadAsStringAsync();
        Assert.Equal([("2026-11-29T10:00:00Z", "40", "20min"), ("2026-11-29T10:20:00Z", "40", "20min")],
            Lines(folded).Skip(1).Select(l => l.Split(',')).Select(r => (r[0], r[3], r[9])));

        // Every camera over the hour: 40 + 2 rows, more than Compliance:MaxExportRows (30 here): refused before the file
        // starts, saying what to do, never cut short.
        using var refused = await admin.GetAsync($"/api/compliance/export.csv?{range}");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        var problem = await refused.Content.ReadAsStringAsync();
        var message = (string)(await refused.ReadNodeAsync())["errors"]!["from"]![0]!;
        Assert.Contains("more than 30 compliance rows", message, StringComparison.Ordinal);
        Assert.Contains("Compliance:MaxExportRows", message, StringComparison.Ordinal);

        // The first 20 minutes: 20 + 1 rows, all of them, cameras in id order.
        var fleet = await (await admin.GetAsync("/api/compliance/export.csv?from=2026-11-29T10:00:00Z&to=2026-11-29T10:20:00Z")).Content.ReadAsStringAsync();
        var rows = Lines(fleet).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(21, rows.Length);
        Assert.Equal(20, rows.Count(r => r[1] == open));
        Assert.Equal(string.CompareOrdinal(open, stats) < 0 ? open : stats, rows[0][1]);
        Assert.Equal(string.CompareOrdinal(open, stats) < 0 ? stats : open, rows[^1][1]);

        foreach (var csv in new[] { folded, fleet, problem })
        {
            Assert.DoesNotContain(UrlPassword, csv, StringComparison.Ordinal);
            Assert.DoesNotContain(UrlUser, csv, StringComparison.Ordinal);
            Assert.DoesNotContain("rtsp", csv, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("bucket=week", "bucket")]
    [InlineData("from=2026-11-30T11:00:00Z&to=2026-11-30T10:00:00Z", "from")]
    [InlineData("cameraId=Not%20A%20Slug", "cameraId")]
    [InlineData("from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z&bucket=minute", "bucket")]
    public async Task Bad_input_is_a_validation_problem(string query, string field)
    {
        using var viewer = _factory.CreateClient(TestKeys.Viewer);
        using var response = await viewer.GetAsync("/api/compliance/export.csv?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.NotNull((await response.ReadNodeAsync())["errors"]![field]);
    }

    [Fact]
    public async Task An_unknown_camera_is_a_404_problem_and_a_call_without_a_key_is_refused()
    {
        using var viewer = _factory.CreateClient(TestKeys.Viewer);
        using var missing = await viewer.GetAsync("/api/compliance/export.csv?cameraId=no-such-camera");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);

        using var anonymous = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/compliance/export.csv")).StatusCode);
    }
}

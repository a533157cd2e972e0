using CctvMask.Server.Tests.Infrastructure;
using CctvMask.Storage.Compliance;
using Microsoft.Extensions.DependencyInjection;

namespace CctvMask.Server.Tests.Compliance;

/// <summary>The compliance series carries the people who wore the mask wrongly, without changing the ratio.</summary>
[Collection(ApiCollection.Name)]
public sealed class ComplianceApiTests(SqliteServerFixture fixture)
{
    private readonly ServerFactory _factory = fixture.Factory;

    private static object Camera(string name, string? mode = null) =>
        new { name, url = "rtsp://10.255.0.1:554/stream", enabled = false, privacyMode = mode };

    [Fact]
    public async Task Each_bucket_and_the_total_carry_the_incorrect_count_and_the_ratio_stays_masked_over_assessed()
    {
        using var admin = _factory.CreateClient(TestKeys.Admin);
        var id = (string)(await (await admin.PostJsonAsync("/api/cameras", Camera("Incorrect " + Guid.NewGuid().ToString("N")[..6]))).ReadNodeAsync())["id"]!;
        var t0 = new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
        // Minute 0: 3 masked, 2 unmasked of whom 1 wore the mask below the nose; minute 1: nobody incorrect.
        await _factory.Services.GetRequiredService<ComplianceRepository>().ApplyAsync([
            new ComplianceDelta(Guid.NewGuid(), id, t0, 6, 3, 2, 1, Incorrect: 1),
            new ComplianceDelta(Guid.NewGuid(), id, t0.AddMinutes(1), 2, 1, 1, 0),
        ]);

        var series = await (await admin.GetAsync($"/api/cameras/{id}/compliance?from=2026-11-30T10:00:00Z&to=2026-11-30T10:05:00Z&bucket=minute")).ReadNodeAsync();

        var points = series["points"]!.AsArray();
        Assert.Equal([1L, 0L], points.Select(p => (long)p!["incorrect"]!));
        Assert.Equal(0.6, (double)points[0]!["compliance"]!, 6); // 3 ÷ (3 + 2): incorrect stays in unmasked
        Assert.Equal(1, (long)series["total"]!["incorrect"]!);
        Assert.Equal(4, (long)series["total"]!["masked"]!);
    }

    [Fact]
    public async Task A_statistics_camera_sums_the_incorrect_count_into_its_coarse_buckets()
    {
        using var admin = _factory.CreateClient(TestKeys.Admin);
        var id = (string)(await (await admin.PostJsonAsync("/api/cameras", Camera("Coarse incorrect " + Guid.NewGuid().ToString("N")[..6], "statistics"))).ReadNodeAsync())["id"]!;
        var t0 = new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
        await _factory.Services.GetRequiredService<ComplianceRepository>().ApplyAsync(Enumerable.Range(0, 45).Select(m =>
            new ComplianceDelta(Guid.NewGuid(), id, t0.AddMinutes(m), 2, 1, 1, 0, Incorrect: m % 2)).ToList());

        var series = await (await admin.GetAsync($"/api/cameras/{id}/compliance?from=2026-11-30T10:00:00Z&to=2026-11-30T11:00:00Z&bucket=minute")).ReadNodeAsync();

        Assert.Equal("20min", (string)series["bucket"]!);
        Assert.Equal([10L, 10L, 2L], series["points"]!.AsArray().Select(p => (long)p!["incorrect"]!));
        Assert.Equal(22, (long)series["total"]!["incorrect"]!);
    }
}

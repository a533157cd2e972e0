using CctvMask.Storage.Database;
using CctvMask.Storage.Hosting;
using CctvMask.Storage.Tests.Fixtures;
using CctvMask.Storage.Violations;
using CctvMask.Storage.WriteBehind;
using Microsoft.EntityFrameworkCore;

namespace CctvMask.Storage.Tests.Retention;

public sealed class RetentionServiceTests
{
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Old_violations_and_their_snapshots_go_newer_ones_stay(StorageProvider provider)
    {
        // Own database: retention sweeps whole tables.
        await using var db = await TestDatabase.CreateAsync(provider, o => o.RetentionDays = 7);
        using var metrics = new StorageMetrics();
        var violations = db.Violations();
        var camera = Samples.CameraId();
        var now = DateTimeOffset.UtcNow;
        var old = Enumerable.Range(0, 3).Select(i => Samples.Violation(camera, now.AddDays(-8 - i), i)).ToList();
        var recent = Enumerable.Range(3, 2).Select(i => Samples.Violation(camera, now.AddDays(-6).AddMinutes(i), i)).ToList();
        await violations.InsertAsync([.. old, .. recent]);

        var result = await db.Retention(metrics).RunOnceAsync(now);

        Assert.Equal(old.Count, result.Violations);
        Assert.Equal(old.Count, result.Snapshots);
        var left = await violations.GetPageAsync(new ViolationQuery(camera, Limit: 100));
        Assert.Equal(recent.Select(r => r.EventId).OrderBy(g => g), left.Items.Select(v => v.Id).OrderBy(g => g));
        foreach (var r in old) Assert.Null(await violations.GetSnapshotJpegAsync(r.EventId));
        foreach (var r in recent) Assert.Equal(r.SnapshotJpeg, await violations.GetSnapshotJpegAsync(r.EventId));
        await using var ctx = db.Factory.CreateDbContext();
        Assert.Equal(recent.Count, await ctx.Snapshots.CountAsync());

        // A second sweep finds nothing more.
        Assert.Equal(0, (await db.Retention(metrics).RunOnceAsync(now)).Violations);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Old_event_ids_and_old_buckets_are_pruned_on_their_own_schedules(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, o =>
        {
            o.AppliedEventRetentionDays = 2;
            o.ComplianceRetentionDays = 10;
        });
        using var metrics = new StorageMetrics();
        var camera = Samples.CameraId();
        var now = DateTimeOffset.UtcNow;
        var t0 = Samples.BaseTime();
        var old = now.AddDays(-11);
        await db.Compliance().ApplyAsync([Samples.Delta(camera, t0, 1, 2, 3), Samples.Delta(camera, old, 4, 4, 4)]);

        var result = await db.Retention(metrics).RunOnceAsync(now.AddDays(3));

        Assert.Equal(2, result.AppliedEvents);
        Assert.Equal(1, result.ComplianceBuckets);
        await using var ctx = db.Factory.CreateDbContext();
        Assert.Equal(0, await ctx.AppliedEvents.CountAsync());
        var point = await db.Compliance().MinuteTotalAsync(camera, old.AddDays(-1), old.AddDays(10));
        Assert.Equal(6, point.People);
    }
}

using CctvMask.Storage.Audit;
using CctvMask.Storage.Hosting;
using CctvMask.Storage.Tests.Fixtures;
using CctvMask.Storage.WriteBehind;

namespace CctvMask.Storage.Tests.Audit;

public sealed class AuditRepositoryTests
{
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Lines_are_appended_filtered_paged_newest_first_and_cut_to_their_columns(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var audit = db.Audit();
        var t0 = Samples.BaseTime();
        for (var i = 0; i < 5; i++)
            await audit.AppendAsync(new AuditEvent(t0.AddMinutes(i), i % 2 == 0 ? "ops" : "viewer", i % 2 == 0 ? "admin" : "viewer",
                "10.0.0." + i, i < 3 ? "camera.update" : "violation.snapshot", "cam-" + i, i == 4 ? "not_found" : "ok"));
        await audit.AppendAsync(new AuditEvent(t0.AddMinutes(9), "ops", "admin", null, "camera.privacy", "door", "ok", new string('x', 2000)));

        var all = await audit.QueryAsync(new AuditQuery(Limit: 3));
        Assert.Equal(6, all.Total);
        Assert.Equal(["camera.privacy", "violation.snapshot", "violation.snapshot"], all.Items.Select(e => e.Action));
        Assert.Equal(AuditLimits.DetailMaxLength, all.Items[0].Detail!.Length);
        var second = await audit.QueryAsync(new AuditQuery(Offset: 3, Limit: 3));
        Assert.Equal(["cam-2", "cam-1", "cam-0"], second.Items.Select(e => e.Target));
        Assert.True(second.Items.Zip(second.Items.Skip(1)).All(p => p.First.Id > p.Second.Id));

        var cameraByOps = await audit.QueryAsync(new AuditQuery(KeyName: "ops", ActionPrefix: "camera."));
        Assert.Equal(["camera.privacy", "camera.update", "camera.update"], cameraByOps.Items.Select(e => e.Action));
        var missing = await audit.QueryAsync(new AuditQuery(Outcome: "not_found"));
        Assert.Equal("cam-4", Assert.Single(missing.Items).Target);
        var window = await audit.QueryAsync(new AuditQuery(From: t0.AddMinutes(1), To: t0.AddMinutes(3)));
        Assert.Equal(["cam-2", "cam-1"], window.Items.Select(e => e.Target));

        await Assert.ThrowsAsync<ArgumentException>(() => audit.QueryAsync(new AuditQuery(Limit: 0)));
        await Assert.ThrowsAsync<ArgumentException>(() => audit.QueryAsync(new AuditQuery(From: t0.AddDays(1), To: t0)));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task The_audit_log_has_its_own_retention(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, o => { o.AuditRetentionDays = 100; o.RetentionDays = 1; });
        using var metrics = new StorageMetrics();
        var audit = db.Audit();
        var now = DateTimeOffset.UtcNow;
        await audit.AppendAsync(new AuditEvent(now.AddDays(-101), "ops", "admin", null, "camera.delete", "old", "ok"));
        await audit.AppendAsync(new AuditEvent(now.AddDays(-99), "ops", "admin", null, "camera.delete", "kept", "ok"));

        var result = await db.Retention(metrics).RunOnceAsync(now);

        Assert.Equal(1, result.AuditLines);
        Assert.Equal("kept", Assert.Single((await audit.QueryAsync(new AuditQuery())).Items).Target);
    }
}

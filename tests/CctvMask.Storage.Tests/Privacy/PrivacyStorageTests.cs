using CctvMask.Abstractions.Privacy;
using CctvMask.Storage.Cameras;
using CctvMask.Storage.Hosting;
using CctvMask.Storage.Tests.Fixtures;
using CctvMask.Storage.Violations;
using CctvMask.Storage.WriteBehind;

namespace CctvMask.Storage.Tests.Privacy;

public sealed class PrivacyStorageTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static CameraSpec Spec(PrivacyMode mode, int? retention = null) =>
        new("Door", "rtsp://10.0.0.9/door", Privacy: mode, RetentionDays: retention);

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Privacy_mode_and_retention_round_trip_and_default_to_evidence(StorageProvider provider)
    {
        var repo = (await fixture.GetAsync(provider)).Cameras();
        var id = Samples.CameraId("priv");
        var created = await repo.CreateAsync(id, new CameraSpec("Door", "rtsp://10.0.0.9/door"));
        Assert.Equal(PrivacyMode.Evidence, created.Privacy);
        Assert.Null(created.RetentionDays);

        await repo.UpdateAsync(id, Spec(PrivacyMode.Statistics, 3));
        var read = await repo.GetAsync(id);
        Assert.Equal(PrivacyMode.Statistics, read!.Privacy);
        Assert.Equal(3, read.RetentionDays);
        await Assert.ThrowsAsync<ArgumentException>(() => repo.UpdateAsync(id, Spec(PrivacyMode.Blurred, 0)));
        await Assert.ThrowsAsync<ArgumentException>(() => repo.UpdateAsync(id, Spec((PrivacyMode)7)));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Switching_to_blurred_purges_face_crops_and_evidence_snapshots_but_keeps_the_records(StorageProvider provider)
    {
        var db = await fixture.GetAsync(provider);
        var (cameras, violations) = (db.Cameras(), db.Violations());
        var id = Samples.CameraId("blur");
        var other = Samples.CameraId("keep");
        await cameras.CreateAsync(id, Spec(PrivacyMode.Evidence));
        await cameras.CreateAsync(other, Spec(PrivacyMode.Evidence));
        var now = DateTimeOffset.UtcNow;
        var mine = Enumerable.Range(0, 3).Select(i => Samples.Violation(id, now.AddMinutes(-i), i)).ToList();
        var theirs = Samples.Violation(other, now, 9);
        await violations.InsertAsync([.. mine, theirs]);

        await cameras.UpdateAsync(id, Spec(PrivacyMode.Blurred));
        var purged = await db.Purger().PurgeAsync(id);

        Assert.Equal((0, 3, 3), (purged.ViolationsDeleted, purged.SnapshotsDeleted, purged.FaceCropsDeleted));
        foreach (var v in mine)
        {
            var summary = await violations.GetAsync(v.EventId);
            Assert.NotNull(summary);
            Assert.False(summary.HasSnapshot);
            Assert.Null(await violations.GetSnapshotJpegAsync(v.EventId));
            Assert.Empty((await violations.GetFaceJpegAsync(v.EventId))!);
        }
        Assert.Equal(theirs.SnapshotJpeg, await violations.GetSnapshotJpegAsync(theirs.EventId));
        Assert.Equal(theirs.FaceJpeg, await violations.GetFaceJpegAsync(theirs.EventId));

        // Evidence made in blurred mode (every face pixelated, no crop) is not purged again.
        var blurred = Samples.Violation(id, now, 20) with { FaceJpeg = [], Privacy = PrivacyMode.Blurred };
        await violations.InsertAsync([blurred]);
        Assert.False((await db.Purger().PurgeAsync(id)).Any);
        Assert.Equal(blurred.SnapshotJpeg, await violations.GetSnapshotJpegAsync(blurred.EventId));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Switching_to_statistics_deletes_every_violation_of_the_camera(StorageProvider provider)
    {
        var db = await fixture.GetAsync(provider);
        var (cameras, violations) = (db.Cameras(), db.Violations());
        var id = Samples.CameraId("stat");
        await cameras.CreateAsync(id, Spec(PrivacyMode.Blurred));
        var now = DateTimeOffset.UtcNow;
        await violations.InsertAsync(Enumerable.Range(0, 4).Select(i => Samples.Violation(id, now.AddSeconds(-i), i, snapshot: i % 2 == 0)
            with { FaceJpeg = [], Privacy = PrivacyMode.Blurred }).ToList());

        await cameras.UpdateAsync(id, Spec(PrivacyMode.Statistics));
        var purged = await db.Purger().PurgeAsync(id);

        Assert.Equal((4, 2, 0), (purged.ViolationsDeleted, purged.SnapshotsDeleted, purged.FaceCropsDeleted));
        Assert.Equal(0, (await violations.GetPageAsync(new ViolationQuery(id))).Total);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Evidence_still_buffered_when_the_mode_got_stricter_obeys_the_new_mode_on_insert(StorageProvider provider)
    {
        var db = await fixture.GetAsync(provider);
        var (cameras, violations) = (db.Cameras(), db.Violations());
        var blurredCam = Samples.CameraId("late-b");
        var statsCam = Samples.CameraId("late-s");
        await cameras.CreateAsync(blurredCam, Spec(PrivacyMode.Blurred));
        await cameras.CreateAsync(statsCam, Spec(PrivacyMode.Statistics));
        var now = DateTimeOffset.UtcNow;
        // Raised in evidence mode before the switch, written after it.
        var late = Samples.Violation(blurredCam, now, 1);
        var dropped = Samples.Violation(statsCam, now, 2);
        var madeBlurred = Samples.Violation(blurredCam, now, 3) with { FaceJpeg = [], Privacy = PrivacyMode.Blurred };

        Assert.Equal(2, await violations.InsertAsync([late, dropped, madeBlurred]));

        Assert.Null(await violations.GetSnapshotJpegAsync(late.EventId));
        Assert.Empty((await violations.GetFaceJpegAsync(late.EventId))!);
        Assert.Null(await violations.GetAsync(dropped.EventId));
        Assert.Equal(madeBlurred.SnapshotJpeg, await violations.GetSnapshotJpegAsync(madeBlurred.EventId));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task A_cameras_own_retention_replaces_the_global_one_for_its_violations(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, o => o.RetentionDays = 30);
        using var metrics = new StorageMetrics();
        var (cameras, violations) = (db.Cameras(), db.Violations());
        var shortCam = Samples.CameraId("short");
        var longCam = Samples.CameraId("long");
        var plain = Samples.CameraId("plain");
        await cameras.CreateAsync(shortCam, Spec(PrivacyMode.Evidence, retention: 2));
        await cameras.CreateAsync(longCam, Spec(PrivacyMode.Evidence, retention: 90));
        await cameras.CreateAsync(plain, Spec(PrivacyMode.Evidence));
        var now = DateTimeOffset.UtcNow;
        var shortOld = Samples.Violation(shortCam, now.AddDays(-3), 1);
        var shortNew = Samples.Violation(shortCam, now.AddDays(-1), 2);
        var longOld = Samples.Violation(longCam, now.AddDays(-60), 3);
        var plainOld = Samples.Violation(plain, now.AddDays(-31), 4);
        var plainNew = Samples.Violation(plain, now.AddDays(-29), 5);
        await violations.InsertAsync([shortOld, shortNew, longOld, plainOld, plainNew]);

        var result = await db.Retention(metrics).RunOnceAsync(now);

        Assert.Equal(2, result.Violations);
        Assert.Equal(2, result.Snapshots);
        Assert.Null(await violations.GetAsync(shortOld.EventId));
        Assert.Null(await violations.GetAsync(plainOld.EventId));
        foreach (var kept in new[] { shortNew, longOld, plainNew }) Assert.NotNull(await violations.GetAsync(kept.EventId));
    }
}

using CctvMask.Storage.Compliance;
using CctvMask.Storage.Hosting;
using CctvMask.Storage.Tests.Fixtures;
using CctvMask.Storage.Violations;
using CctvMask.Storage.WriteBehind;

namespace CctvMask.Storage.Tests.Journal;

public sealed class EventJournalTests
{
    [Fact]
    public async Task A_provisional_count_is_superseded_by_its_final_delta_and_the_journal_empties_once_the_database_has_it()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        using var metrics = new StorageMetrics();
        using var store = db.WriteBehind(metrics);
        await store.StartAsync(CancellationToken.None);
        var camera = Samples.CameraId();
        var t0 = Samples.BaseTime();
        var open = new ComplianceDelta(Guid.NewGuid(), camera, t0, 2, 2, 0, 0);

        Assert.True(store.EnqueueProvisional(open));
        Assert.True(store.EnqueueProvisional(open with { People = 3, Masked = 3 }));
        Assert.True(store.Enqueue(open with { People = 4, Masked = 3, Unmasked = 1 }));
        foreach (var i in Enumerable.Range(0, 20)) Assert.True(store.TryEnqueue(Samples.Violation(camera, t0.AddSeconds(i), i)));
        await store.FlushAsync(Wait.Token());

        var point = await db.Compliance().MinuteTotalAsync(camera, t0, t0.AddDays(1));
        Assert.Equal((4, 3, 1), (point.People, point.Masked, point.Unmasked));
        Assert.Equal(0, store.JournalSegments); // every journaled event is acknowledged
        await store.StopAsync(CancellationToken.None);
        Assert.Empty(Directory.GetFiles(db.Options.JournalDirectory, "seg-*"));
    }

    [Fact]
    public async Task A_violation_journaled_before_its_evidence_is_stored_once_with_the_images_of_its_final_record()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        using var metrics = new StorageMetrics();
        using var store = db.WriteBehind(metrics);
        await store.StartAsync(CancellationToken.None);
        var camera = Samples.CameraId();
        var final = Samples.Violation(camera, Samples.BaseTime(), 7);

        Assert.True(store.EnqueueProvisional(final with { FaceJpeg = [], SnapshotJpeg = null }));
        await Wait.UntilAsync(() => store.JournalPending == 0, "journaled");
        Assert.Equal(1, store.JournalSegments);                      // kept: its evidence is still being drawn
        Assert.Equal(0, (await db.Violations().GetPageAsync(new(camera))).Total); // and not stored yet
        Assert.True(store.TryEnqueue(final));
        await store.FlushAsync(Wait.Token());

        Assert.Equal(1, (await db.Violations().GetPageAsync(new(camera))).Total);
        Assert.Equal(final.FaceJpeg, await db.Violations().GetFaceJpegAsync(final.EventId));
        Assert.Equal(0, store.JournalSegments);
        await store.StopAsync(CancellationToken.None);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Journal_files_are_private_to_the_service_account()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        using var metrics = new StorageMetrics();
        using var store = db.WriteBehind(metrics);
        await store.StartAsync(CancellationToken.None);
        await Outage.BreakAsync(db);
        store.TryEnqueue(Samples.Violation(Samples.CameraId(), Samples.BaseTime(), 1));
        await Wait.UntilAsync(() => store.JournalPending == 0, "journaled");
        var segment = Assert.Single(Directory.GetFiles(db.Options.JournalDirectory, "seg-*"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(segment));
        await Outage.RestoreAsync(db);
        await store.StopAsync(CancellationToken.None);
    }
}

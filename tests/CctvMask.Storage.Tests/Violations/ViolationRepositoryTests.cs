using CctvMask.Storage.Hosting;
using CctvMask.Storage.Tests.Fixtures;
using CctvMask.Storage.Violations;

namespace CctvMask.Storage.Tests.Violations;

public sealed class ViolationRepositoryTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    /// <summary>Expected listing order: time desc, then id desc in the stored (canonical string) order.</summary>
    private static List<Guid> NewestFirst(IEnumerable<ViolationRecord> records) =>
        records.OrderByDescending(r => r.OccurredAt)
            .ThenByDescending(r => r.EventId.ToString(), StringComparer.Ordinal)
            .Select(r => r.EventId).ToList();

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Pages_are_newest_first_stable_and_complete(StorageProvider provider)
    {
        var repo = (await fixture.GetAsync(provider)).Violations();
        var camera = Samples.CameraId();
        var t0 = Samples.BaseTime();
        // 13 records, several sharing a timestamp so the id tie-break matters.
        var records = Enumerable.Range(0, 13).Select(i => Samples.Violation(camera, t0.AddSeconds(i / 3), i)).ToList();
        Assert.Equal(13, await repo.InsertAsync(records));

        var seen = new List<Guid>();
        for (var offset = 0; ; offset += 5)
        {
            var page = await repo.GetPageAsync(new ViolationQuery(camera, Offset: offset, Limit: 5));
            Assert.Equal(13, page.Total);
            if (page.Items.Count == 0) break;
            seen.AddRange(page.Items.Select(v => v.Id));
        }

        Assert.Equal(NewestFirst(records), seen);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Filters_by_camera_and_half_open_time_range(StorageProvider provider)
    {
        var repo = (await fixture.GetAsync(provider)).Violations();
        var a = Samples.CameraId("a");
        var b = Samples.CameraId("b");
        var t0 = Samples.BaseTime();
        var records = Enumerable.Range(0, 10).Select(i => Samples.Violation(i % 2 == 0 ? a : b, t0.AddMinutes(i), i)).ToList();
        await repo.InsertAsync(records);
        var from = t0.AddMinutes(2);
        var to = t0.AddMinutes(8);

        var page = await repo.GetPageAsync(new ViolationQuery(a, from, to, Limit: 100));

        var expected = NewestFirst(records.Where(r => r.CameraId == a && r.OccurredAt >= from && r.OccurredAt < to));
        Assert.Equal(expected, page.Items.Select(v => v.Id));
        Assert.Equal(expected.Count, page.Total);
        Assert.All(page.Items, v => Assert.Equal(a, v.CameraId));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Summary_face_and_snapshot_round_trip(StorageProvider provider)
    {
        var repo = (await fixture.GetAsync(provider)).Violations();
        var camera = Samples.CameraId();
        var at = Samples.BaseTime().AddTicks(1_234_560); // stored with microsecond precision
        var with = Samples.Violation(camera, at, 7);
        var without = Samples.Violation(camera, at, 8, snapshot: false);
        await repo.InsertAsync([with, without]);

        var summary = await repo.GetAsync(with.EventId);
        Assert.NotNull(summary);
        Assert.Equal(with.OccurredAt, summary.OccurredAt);
        Assert.Equal(with.Face, summary.Face);
        Assert.Equal(with.TrackId, summary.TrackId);
        Assert.Equal(with.Confidence, summary.Confidence);
        Assert.True(summary.HasSnapshot);
        Assert.Equal(with.FaceJpeg, await repo.GetFaceJpegAsync(with.EventId));
        Assert.Equal(with.SnapshotJpeg, await repo.GetSnapshotJpegAsync(with.EventId));

        Assert.False((await repo.GetAsync(without.EventId))!.HasSnapshot);
        Assert.Null(await repo.GetSnapshotJpegAsync(without.EventId));
        Assert.Null(await repo.GetAsync(Guid.NewGuid()));
        Assert.Null(await repo.GetFaceJpegAsync(Guid.NewGuid()));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Insert_is_idempotent_by_event_id(StorageProvider provider)
    {
        var repo = (await fixture.GetAsync(provider)).Violations();
        var camera = Samples.CameraId();
        var t0 = Samples.BaseTime();
        var first = Enumerable.Range(0, 4).Select(i => Samples.Violation(camera, t0.AddSeconds(i), i)).ToList();
        var extra = Samples.Violation(camera, t0.AddSeconds(9), 9);

        Assert.Equal(4, await repo.InsertAsync(first));
        // Replays, a duplicate inside the batch, and one new record.
        Assert.Equal(1, await repo.InsertAsync([.. first, first[0], extra]));
        Assert.Equal(0, await repo.InsertAsync(first));

        Assert.Equal(5, (await repo.GetPageAsync(new ViolationQuery(camera))).Total);
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(0, 0)]
    [InlineData(0, 100_000)]
    public async Task Bad_paging_is_an_argument_error(int offset, int limit)
    {
        var repo = (await fixture.GetAsync(StorageProvider.Sqlite)).Violations();

        await Assert.ThrowsAsync<ArgumentException>(() => repo.GetPageAsync(new ViolationQuery(Offset: offset, Limit: limit)));
    }

    [Fact]
    public async Task A_reversed_range_is_an_argument_error()
    {
        var repo = (await fixture.GetAsync(StorageProvider.Sqlite)).Violations();
        var t = Samples.BaseTime();

        await Assert.ThrowsAsync<ArgumentException>(() => repo.GetPageAsync(new ViolationQuery(From: t, To: t.AddSeconds(-1))));
    }
}

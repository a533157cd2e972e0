using CctvMask.Storage.Compliance;
using CctvMask.Storage.Hosting;
using CctvMask.Storage.Tests.Fixtures;

namespace CctvMask.Storage.Tests.Compliance;

public sealed class ComplianceRepositoryTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    /// <summary>Deltas spread over two days, several per minute, with odd seconds inside minutes; some unmasked wore the mask wrongly.</summary>
    private static List<ComplianceDelta> SpreadDeltas(string camera, DateTimeOffset t0)
    {
        var rng = new Random(42);
        var deltas = new List<ComplianceDelta>();
        foreach (var minute in new[] { 0, 0, 1, 59, 60, 61, 61, 125, 1439, 1440, 1500, 2000 })
        {
            var delta = Samples.Delta(camera, t0.AddMinutes(minute).AddSeconds(rng.Next(60)), rng.Next(5), rng.Next(4), rng.Next(3));
            deltas.Add(delta with { Incorrect = rng.Next(delta.Unmasked + 1) });
        }
        Assert.Contains(deltas, d => d.Incorrect > 0);
        return deltas;
    }

    private static List<CompliancePoint> Expected(IEnumerable<ComplianceDelta> deltas, TimeSpan width) =>
        deltas.GroupBy(d => new DateTimeOffset(d.BucketStart.UtcTicks - d.BucketStart.UtcTicks % width.Ticks, TimeSpan.Zero))
            .OrderBy(g => g.Key)
            .Select(g => new CompliancePoint(g.Key, g.Sum(d => (long)d.People), g.Sum(d => (long)d.Masked),
                g.Sum(d => (long)d.Unmasked), g.Sum(d => (long)d.Unknown), g.Sum(d => (long)d.Incorrect)))
            .ToList();

    [Theory]
    [InlineData(StorageProvider.Sqlite, BucketSize.Minute)]
    [InlineData(StorageProvider.Sqlite, BucketSize.Hour)]
    [InlineData(StorageProvider.Sqlite, BucketSize.Day)]
    [InlineData(StorageProvider.Postgres, BucketSize.Minute)]
    [InlineData(StorageProvider.Postgres, BucketSize.Hour)]
    [InlineData(StorageProvider.Postgres, BucketSize.Day)]
    public async Task Series_returns_the_stored_buckets_of_each_size(StorageProvider provider, BucketSize bucket)
    {
        var repo = (await fixture.GetAsync(provider)).Compliance();
        var camera = Samples.CameraId();
        var t0 = Samples.BaseTime();
        var deltas = SpreadDeltas(camera, t0).Select(d => d with { Granularity = bucket }).ToList();
        Assert.Equal(deltas.Count, await repo.ApplyAsync(deltas));
        var width = bucket switch { BucketSize.Minute => TimeSpan.FromMinutes(1), BucketSize.Hour => TimeSpan.FromHours(1), _ => TimeSpan.FromDays(1) };

        var series = await repo.GetSeriesAsync(camera, t0, t0.AddDays(2), bucket);

        Assert.Equal(Expected(deltas, width), series);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Series_range_is_half_open_and_ratios_follow_the_counts(StorageProvider provider)
    {
        var repo = (await fixture.GetAsync(provider)).Compliance();
        var camera = Samples.CameraId();
        var t0 = Samples.BaseTime();
        await repo.ApplyAsync([
            Samples.Delta(camera, t0.AddMinutes(-1), 9, 9, 9),
            Samples.Delta(camera, t0, 3, 1, 4),
            Samples.Delta(camera, t0.AddMinutes(10), 9, 9, 9),
        ]);

        var point = Assert.Single(await repo.GetSeriesAsync(camera, t0, t0.AddMinutes(10), BucketSize.Minute));

        Assert.Equal((8L, 3L, 1L, 4L), (point.People, point.Masked, point.Unmasked, point.Unknown));
        Assert.Equal(3.0 / 4, point.Compliance);
        Assert.Equal(4.0 / 8, point.AssessableShare);
        Assert.Null(new CompliancePoint(t0, 0, 0, 0, 0).Compliance);
        Assert.Null(new CompliancePoint(t0, 0, 0, 0, 0).AssessableShare);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Replayed_deltas_never_double_count(StorageProvider provider)
    {
        var repo = (await fixture.GetAsync(provider)).Compliance();
        var camera = Samples.CameraId();
        var t0 = Samples.BaseTime();
        var deltas = SpreadDeltas(camera, t0);

        Assert.Equal(deltas.Count, await repo.ApplyAsync(deltas));
        Assert.Equal(0, await repo.ApplyAsync(deltas));
        var fresh = Samples.Delta(camera, t0, 1, 0, 0);
        Assert.Equal(1, await repo.ApplyAsync([deltas[0], fresh, fresh]));

        var series = await repo.GetSeriesAsync(camera, t0, t0.AddDays(2), BucketSize.Minute);
        Assert.Equal(Expected([.. deltas, fresh], TimeSpan.FromMinutes(1)), series);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Concurrent_writers_replaying_the_same_deltas_count_each_once(StorageProvider provider)
    {
        // Several silos (own repositories, own connections) racing over the same events and buckets.
        var db = await fixture.GetAsync(provider);
        var camera = Samples.CameraId();
        var t0 = Samples.BaseTime();
        var rng = new Random(7);
        var deltas = Enumerable.Range(0, 200)
            .Select(i => Samples.Delta(camera, t0.AddMinutes(i % 10).AddSeconds(i % 60), rng.Next(4), rng.Next(3), rng.Next(2)))
            .ToList();

        var applied = await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var repo = db.Compliance();
            var order = deltas.OrderBy(_ => Random.Shared.Next()).ToList();
            var count = 0;
            foreach (var batch in order.Chunk(25)) count += await repo.ApplyAsync(batch);
            return count;
        })));

        Assert.Equal(deltas.Count, applied.Sum());
        var series = await db.Compliance().GetSeriesAsync(camera, t0, t0.AddHours(1), BucketSize.Minute);
        Assert.Equal(Expected(deltas, TimeSpan.FromMinutes(1)), series);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Fleet_summary_covers_every_camera_with_hour_now_and_day_windows(StorageProvider provider)
    {
        var db = await fixture.GetAsync(provider);
        var cameras = db.Cameras();
        var repo = db.Compliance();
        var busy = Samples.CameraId("busy");
        var idle = Samples.CameraId("idle");
        await cameras.CreateAsync(busy, new("Busy", "rtsp://h/1"));
        await cameras.CreateAsync(idle, new("Idle", "rtsp://h/2", Enabled: false));
        var now = Samples.BaseTime().AddHours(12).AddSeconds(30);
        var deltas = new[]
        {
            Samples.Delta(busy, now, 4, 1, 1),              // current minute: now, hour, day
            Samples.Delta(busy, now.AddMinutes(-3), 2, 2, 0), // inside the 5-minute "now" window
            Samples.Delta(busy, now.AddMinutes(-30), 1, 3, 0), // hour and day
            Samples.Delta(busy, now.AddHours(-5), 0, 6, 2),   // day only
            Samples.Delta(busy, now.AddHours(-30), 50, 0, 0), // outside 24 h
            Samples.Delta(busy, now.AddMinutes(5), 50, 0, 0), // future bucket, ignored
        };
        await repo.ApplyAsync(deltas);
        // The pipeline's unique counts of the current hour and day (not sums of the minutes above).
        await repo.ApplyAsync([
            Samples.Delta(busy, now, 5, 1, 1) with { Granularity = BucketSize.Hour },
            Samples.Delta(busy, now.AddHours(-1), 40, 0, 0) with { Granularity = BucketSize.Hour },
            Samples.Delta(busy, now, 7, 1, 1) with { Granularity = BucketSize.Day },
        ]);

        var summary = await repo.GetFleetSummaryAsync(now);

        var b = Assert.Single(summary, s => s.CameraId == busy);
        Assert.Equal("Busy", b.Name);
        Assert.Equal(7, b.PeopleThisHour);
        Assert.Equal(9, b.PeopleToday);
        Assert.Equal((4.0 + 2) / (4 + 1 + 2 + 2), b.ComplianceNow);
        Assert.Equal((4.0 + 2 + 1) / (4 + 1 + 2 + 2 + 1 + 3 + 6), b.Compliance24h);
        Assert.Equal(new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero), b.LastBucketAt);
        var i = Assert.Single(summary, s => s.CameraId == idle);
        Assert.False(i.Enabled);
        Assert.Equal((0L, 0L, (double?)null, (double?)null, (DateTimeOffset?)null), (i.PeopleThisHour, i.PeopleToday, i.ComplianceNow, i.Compliance24h, i.LastBucketAt));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Hour_rows_are_counted_not_summed_from_minutes_and_add_up_changes_of_the_unique_count(StorageProvider provider)
    {
        var repo = (await fixture.GetAsync(provider)).Compliance();
        var camera = Samples.CameraId();
        var t0 = Samples.BaseTime();
        // One person seen in three minutes: three minute rows of 1, one hour row of 1 whose verdict moved
        // from not assessable (first minute) to masked (second minute).
        await repo.ApplyAsync([
            Samples.Delta(camera, t0, 0, 0, 1), Samples.Delta(camera, t0.AddMinutes(1), 1, 0, 0), Samples.Delta(camera, t0.AddMinutes(2), 1, 0, 0),
            Samples.Delta(camera, t0, 0, 0, 1) with { Granularity = BucketSize.Hour },
            new ComplianceDelta(Guid.NewGuid(), camera, t0.AddMinutes(1), 0, 1, 0, -1, BucketSize.Hour),
        ]);

        Assert.Equal(3, (await repo.GetSeriesAsync(camera, t0, t0.AddHours(1), BucketSize.Minute)).Sum(p => p.People));
        var hour = Assert.Single(await repo.GetSeriesAsync(camera, t0, t0.AddHours(1), BucketSize.Hour));
        Assert.Equal((1L, 1L, 0L, 0L), (hour.People, hour.Masked, hour.Unmasked, hour.Unknown));
        Assert.Empty(await repo.GetSeriesAsync(camera, t0, t0.AddDays(1), BucketSize.Day));
        Assert.Throws<ArgumentException>(() => ComplianceRepository.Validate(
            new ComplianceDelta(Guid.NewGuid(), camera, t0, 0, 1, 0, -1, BucketSize.Minute)));
    }

    [Fact]
    public async Task Oversized_or_reversed_ranges_and_bad_deltas_are_argument_errors()
    {
        var repo = (await fixture.GetAsync(StorageProvider.Sqlite)).Compliance();
        var t0 = Samples.BaseTime();

        await Assert.ThrowsAsync<ArgumentException>(() => repo.GetSeriesAsync("cam", t0, t0.AddYears(1), BucketSize.Minute));
        await Assert.ThrowsAsync<ArgumentException>(() => repo.GetSeriesAsync("cam", t0, t0, BucketSize.Hour));
        await Assert.ThrowsAsync<ArgumentException>(() => repo.GetSeriesAsync("Bad Id", t0, t0.AddHours(1), BucketSize.Hour));
        Assert.Throws<ArgumentException>(() => ComplianceRepository.Validate(Samples.Delta("cam", t0, -1, 0, 0)));
        Assert.Throws<ArgumentException>(() => ComplianceRepository.Validate(Samples.Delta("cam", t0, 1, 0, 0) with { EventId = Guid.Empty }));
    }
}

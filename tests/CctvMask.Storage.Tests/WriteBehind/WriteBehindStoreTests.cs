using System.Diagnostics.Metrics;
using CctvMask.Storage.Compliance;
using CctvMask.Storage.Hosting;
using CctvMask.Storage.Tests.Fixtures;
using CctvMask.Storage.Violations;
using CctvMask.Storage.WriteBehind;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace CctvMask.Storage.Tests.WriteBehind;

public sealed class WriteBehindStoreTests
{
    private static void FastOptions(StorageOptions o)
    {
        o.BatchSize = 8;
        o.MaxBufferedEvents = 20;
        o.MaxRetryAttempts = 1;
        o.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
        o.OutageRetryDelay = TimeSpan.FromMilliseconds(50);
        o.ReplayCheckInterval = TimeSpan.FromMilliseconds(50);
    }

    private static async Task AssertStoredExactlyAsync(
        TestDatabase db, string camera, IReadOnlyCollection<ViolationRecord> violations, IReadOnlyCollection<ComplianceDelta> deltas, DateTimeOffset t0)
    {
        var page = await db.Violations().GetPageAsync(new ViolationQuery(camera, Limit: 500));
        Assert.Equal(violations.Count, page.Total);
        Assert.Equal(violations.Select(v => v.EventId).Order(), page.Items.Select(v => v.Id).Order());
        var point = await db.Compliance().MinuteTotalAsync(camera, t0, t0.AddDays(1));
        Assert.Equal(deltas.Sum(d => (long)d.People), point.People);
        Assert.Equal(deltas.Sum(d => (long)d.Masked), point.Masked);
        Assert.Equal(deltas.Sum(d => (long)d.Unmasked), point.Unmasked);
        Assert.Equal(deltas.Sum(d => (long)d.Unknown), point.Unknown);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Batches_land_and_enqueuing_the_same_ids_again_changes_nothing(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, o => o.BatchSize = 16);
        using var metrics = new StorageMetrics();
        using var store = db.WriteBehind(metrics);
        await store.StartAsync(CancellationToken.None);
        var camera = Samples.CameraId();
        var t0 = Samples.BaseTime();
        var violations = Enumerable.Range(0, 100).Select(i => Samples.Violation(camera, t0.AddSeconds(i), i)).ToList();
        var deltas = Enumerable.Range(0, 40).Select(i => Samples.Delta(camera, t0.AddMinutes(i), i % 3, i % 2, 1)).ToList();

        foreach (var v in violations) Assert.True(store.TryEnqueue(v));
        foreach (var d in deltas) Assert.True(store.Enqueue(d));
        await store.FlushAsync(Wait.Token());
        await AssertStoredExactlyAsync(db, camera, violations, deltas, t0);
        Assert.Equal(140, store.Stats.Written);

        foreach (var v in violations) store.TryEnqueue(v);
        foreach (var d in deltas) store.Enqueue(d);
        await store.FlushAsync(Wait.Token());
        await AssertStoredExactlyAsync(db, camera, violations, deltas, t0);

        Assert.Equal(new WriteBehindStats(0, 280, 0, 0, 0, 0, 0), store.Stats);
        await store.StopAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task An_outage_buffers_then_spills_then_replays_everything_exactly_once(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, FastOptions);
        using var metrics = new StorageMetrics();
        using var store = db.WriteBehind(metrics);
        await store.StartAsync(CancellationToken.None);
        var camera = Samples.CameraId();
        var t0 = Samples.BaseTime();
        var before = Enumerable.Range(0, 10).Select(i => Samples.Violation(camera, t0.AddSeconds(i), i)).ToList();
        foreach (var v in before) store.TryEnqueue(v);
        await store.FlushAsync(Wait.Token());

        await Outage.BreakAsync(db);
        var during = Enumerable.Range(10, 50).Select(i => Samples.Violation(camera, t0.AddSeconds(i), i)).ToList();
        var deltas = Enumerable.Range(0, 10).Select(i => Samples.Delta(camera, t0.AddMinutes(i), 2, 1, 1)).ToList();
        foreach (var v in during) Assert.True(store.TryEnqueue(v));
        foreach (var d in deltas) Assert.True(store.Enqueue(d));
        const int accepted = 60;
        await Wait.UntilAsync(() => store.Stats.Spilled + store.Stats.Backlog == accepted && store.Stats.Failures > 0,
            "events split between memory and the spill file, and a failed write");

        // Memory holds at most the bound plus the batch in flight; the rest is on disk.
        Assert.True(store.Stats.Backlog <= db.Options.MaxBufferedEvents + db.Options.BatchSize);
        Assert.True(store.Stats.Spilled >= accepted - db.Options.MaxBufferedEvents - db.Options.BatchSize);
        var spillLines = Directory.GetFiles(db.Options.SpillDirectory, "*.jsonl").Sum(f => File.ReadLines(f).Count());
        Assert.Equal(store.Stats.Spilled, spillLines);

        await Outage.RestoreAsync(db);
        await store.FlushAsync(Wait.Token());

        await AssertStoredExactlyAsync(db, camera, [.. before, .. during], deltas, t0);
        Assert.Equal(store.Stats.Spilled, store.Stats.Replayed);
        Assert.Empty(Directory.GetFiles(db.Options.SpillDirectory, "spill-*.jsonl"));

        // Replaying everything once more (e.g. a producer's retry) still changes nothing.
        foreach (var v in before.Concat(during)) store.TryEnqueue(v);
        foreach (var d in deltas) store.Enqueue(d);
        await store.FlushAsync(Wait.Token());
        await AssertStoredExactlyAsync(db, camera, [.. before, .. during], deltas, t0);
        Assert.Equal(0, store.Stats.Dropped);
        await store.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Events_left_at_shutdown_during_an_outage_are_spilled_and_replayed_by_the_next_start()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite, FastOptions);
        using var metrics = new StorageMetrics();
        var camera = Samples.CameraId();
        var t0 = Samples.BaseTime();
        var violations = Enumerable.Range(0, 5).Select(i => Samples.Violation(camera, t0.AddSeconds(i), i)).ToList();
        var delta = Samples.Delta(camera, t0, 1, 1, 1);

        using (var first = db.WriteBehind(metrics))
        {
            await first.StartAsync(CancellationToken.None);
            await Outage.BreakAsync(db);
            foreach (var v in violations) first.TryEnqueue(v);
            first.Enqueue(delta);
            await first.StopAsync(CancellationToken.None);
            Assert.Equal(6, first.Stats.Spilled);
            Assert.Equal(0, first.Stats.Backlog);
        }

        await Outage.RestoreAsync(db);
        using var second = db.WriteBehind(metrics);
        await second.StartAsync(CancellationToken.None);
        await second.FlushAsync(Wait.Token());

        await AssertStoredExactlyAsync(db, camera, violations, [delta], t0);
        Assert.Equal(6, second.Stats.Replayed);
        await second.StopAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task A_spill_file_left_by_a_crash_is_replayed_at_start_skipping_a_torn_last_line(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, FastOptions);
        var camera = Samples.CameraId();
        var t0 = Samples.BaseTime();
        var violations = Enumerable.Range(0, 3).Select(i => Samples.Violation(camera, t0.AddSeconds(i), i)).ToList();
        var delta = Samples.Delta(camera, t0, 2, 2, 2);
        var leftover = new SpillFile(db.Options.SpillDirectory, 10, NullLogger.Instance, _ => { }, _ => { });
        leftover.AppendNow([.. violations.Select(v => new StorageEvent(v, null)), new StorageEvent(null, delta)]);
        await leftover.CompleteAsync();
        await File.AppendAllTextAsync(leftover.CurrentPath, "{\"violation\":{\"eventId\":\"12");

        using var metrics = new StorageMetrics();
        using var store = db.WriteBehind(metrics);
        await store.StartAsync(CancellationToken.None);
        await store.FlushAsync(Wait.Token());

        await AssertStoredExactlyAsync(db, camera, violations, [delta], t0);
        Assert.Equal(4, store.Stats.Replayed);
        Assert.Equal(1, store.Stats.Failures);
        Assert.Empty(Directory.GetFiles(db.Options.SpillDirectory, "*.jsonl"));
        await store.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Events_a_reachable_database_rejects_are_dead_lettered_and_the_rest_of_the_batch_lands()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite, FastOptions);
        var camera = Samples.CameraId();
        const string poison = "poison";
        await using (var ctx = db.Factory.CreateDbContext())
        {
            // A real database-side rejection (as a CHECK constraint or trigger of an operator would do).
            await ctx.Database.ExecuteSqlRawAsync(
                $"CREATE TRIGGER reject_poison BEFORE INSERT ON violations WHEN NEW.camera_id = '{poison}' BEGIN SELECT RAISE(ABORT, 'rejected'); END;");
        }
        using var metrics = new StorageMetrics();
        using var store = db.WriteBehind(metrics);
        var t0 = Samples.BaseTime();
        var good = Enumerable.Range(0, 5).Select(i => Samples.Violation(camera, t0.AddSeconds(i), i)).ToList();
        var bad = Samples.Violation(poison, t0, 99);
        foreach (var v in good.Take(2)) store.TryEnqueue(v);
        store.TryEnqueue(bad);
        foreach (var v in good.Skip(2)) store.TryEnqueue(v);

        await store.StartAsync(CancellationToken.None);
        await store.FlushAsync(Wait.Token());
        await store.StopAsync(CancellationToken.None);

        var page = await db.Violations().GetPageAsync(new ViolationQuery(camera, Limit: 100));
        Assert.Equal(good.Select(v => v.EventId).Order(), page.Items.Select(v => v.Id).Order());
        Assert.Null(await db.Violations().GetAsync(bad.EventId));
        Assert.Equal(1, store.Stats.DeadLettered);
        var line = Assert.Single(File.ReadAllLines(Path.Combine(db.Options.SpillDirectory, "deadletter.jsonl")));
        Assert.Contains(bad.EventId.ToString(), line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Past_both_bounds_events_are_refused_and_counted_never_blocking()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite, o =>
        {
            o.JournalQueueCapacity = 1;
            o.MaxBufferedEvents = 2;
            o.SpillQueueCapacity = 3;
        });
        using var metrics = new StorageMetrics();
        using var store = db.WriteBehind(metrics); // not started: nothing drains either queue
        var camera = Samples.CameraId();
        var t0 = Samples.BaseTime();

        var accepted = Enumerable.Range(0, 8).Select(i => store.TryEnqueue(Samples.Violation(camera, t0, i))).ToList();

        // 1 waits for the journal writer, then (journal queue full) 2 go to memory, 3 to the spill queue.
        Assert.Equal([true, true, true, true, true, true, false, false], accepted);
        Assert.Equal(2, store.Stats.Dropped);
        Assert.Equal(2, store.Stats.Backlog);
    }

    [Fact]
    public async Task Invalid_events_are_rejected_at_the_producer()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        using var metrics = new StorageMetrics();
        using var store = db.WriteBehind(metrics);
        var good = Samples.Violation("cam", Samples.BaseTime(), 1);

        Assert.Throws<ArgumentException>(() => store.TryEnqueue(good with { EventId = Guid.Empty }));
        Assert.Throws<ArgumentException>(() => store.TryEnqueue(good with { CameraId = "Not A Slug" }));
        Assert.Throws<ArgumentException>(() => store.TryEnqueue(good with { Confidence = float.NaN }));
        Assert.Throws<ArgumentException>(() => store.Enqueue(Samples.Delta("cam", Samples.BaseTime(), 0, -1, 0)));
        Assert.Equal(0, store.Stats.Backlog);
    }

    [Fact]
    public async Task Counters_are_published_on_the_storage_meter_with_units()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        using var metrics = new StorageMetrics();
        var units = new Dictionary<string, string?>();
        long written = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter != metrics.Meter) return;
            lock (units) units[instrument.Name] = instrument.Unit;
            l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "cctvmask.storage.written") Interlocked.Add(ref written, value);
        });
        listener.Start();
        using var store = db.WriteBehind(metrics);
        await store.StartAsync(CancellationToken.None);
        var camera = Samples.CameraId();

        for (var i = 0; i < 12; i++) store.TryEnqueue(Samples.Violation(camera, Samples.BaseTime(), i));
        await store.FlushAsync(Wait.Token());
        await store.StopAsync(CancellationToken.None);

        Assert.Equal(12, Interlocked.Read(ref written));
        Assert.Equal(StorageMetrics.MeterName, metrics.Meter.Name);
        Assert.Equal("{event}", units["cctvmask.storage.backlog"]);
        Assert.Equal("{event}", units["cctvmask.storage.spilled"]);
        Assert.Equal("{event}", units["cctvmask.storage.replayed"]);
        Assert.Equal("{failure}", units["cctvmask.storage.failures"]);
    }
}

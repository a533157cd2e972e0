using System.Diagnostics;
using System.Reflection;
using CctvMask.Storage.Compliance;
using CctvMask.Storage.Database;
using CctvMask.Storage.Hosting;
using CctvMask.Storage.Tests.Fixtures;
using CctvMask.Storage.Violations;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace CctvMask.Storage.Tests.Journal;

/// <summary>
/// A real crash: the store runs in a child process, accepts events while the database is down,
/// is killed with SIGKILL, and a new process on the same data folder (database back) must bring
/// every violation and every counted person into the database, once.
/// </summary>
public sealed class JournalKillTests
{
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Kill_9_during_an_outage_loses_no_violation_not_even_one_whose_evidence_was_being_drawn_and_no_count_of_the_open_minute(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var camera = Samples.CameraId("kill");
        var dataDir = Path.Combine(db.Root, "data");
        await Outage.BreakAsync(db);

        using (var writer = Host("write", provider, db.Options.ConnectionString!, dataDir, camera))
        {
            Assert.True(await WaitForAsync(writer, "durable"), $"the write run never reported durable:\n{writer.Output()}");
            Assert.Contains("durable written=0", writer.Output()); // nothing reached the database
            writer.Process.Kill(); // SIGKILL: no shutdown code runs
            await writer.Process.WaitForExitAsync(Wait.Token());
        }

        await Outage.RestoreAsync(db);
        using (var replay = Host("replay", provider, db.Options.ConnectionString!, dataDir, camera))
        {
            await replay.Process.WaitForExitAsync(Wait.Token());
            Assert.True(replay.Process.ExitCode == 0, replay.Output());
            Assert.Contains("replayed", replay.Output());
        }

        // A fresh pool: this process's pooled sessions were terminated by the outage.
        using var factory = new CctvDbContextFactory(MsOptions.Create(db.Options));
        var violations = new ViolationRepository(factory, MsOptions.Create(db.Options));
        var compliance = new ComplianceRepository(factory, MsOptions.Create(db.Options), TimeProvider.System);
        var page = await violations.GetPageAsync(new ViolationQuery(camera, Limit: 500));
        // Every violation once: a provisional one superseded by its final is not stored twice, and one whose evidence
        // snapshot was never drawn is stored with its face crop and without a snapshot.
        Assert.Equal(JournalHost.Violations + JournalHost.EvidencePending, page.Total);
        var pending = page.Items.Where(v => v.TrackId >= JournalHost.PendingTrackBase).ToList();
        Assert.Equal(JournalHost.EvidencePending, pending.Count);
        foreach (var v in pending)
        {
            Assert.NotEmpty(await violations.GetFaceJpegAsync(v.Id) ?? []);
            Assert.Null(await violations.GetSnapshotJpegAsync(v.Id));
        }
        foreach (var v in page.Items.Where(v => v.TrackId < JournalHost.EvidenceDrawn))
        {
            Assert.NotEmpty(await violations.GetFaceJpegAsync(v.Id) ?? []);
            Assert.NotNull(await violations.GetSnapshotJpegAsync(v.Id));
        }
        var t0 = Samples.BaseTime();
        var day = await compliance.MinuteTotalAsync(camera, t0, t0.AddDays(1));
        Assert.Equal(JournalHost.People, day.People);
        Assert.Equal(JournalHost.Deltas + 5, day.Masked);
        Assert.Equal(2, day.Unmasked);
        Assert.Empty(Directory.GetFiles(Path.Combine(dataDir, "journal"), "seg-*"));

        // A second replay run changes nothing (idempotent by event id).
        using (var again = Host("replay", provider, db.Options.ConnectionString!, dataDir, camera))
            await again.Process.WaitForExitAsync(Wait.Token());
        Assert.Equal(JournalHost.Violations + JournalHost.EvidencePending, (await violations.GetPageAsync(new ViolationQuery(camera, Limit: 500))).Total);
        Assert.Equal(JournalHost.People,
            (await compliance.MinuteTotalAsync(camera, t0, t0.AddDays(1))).People);
    }

    private static async Task<bool> WaitForAsync(Child child, string marker)
    {
        using var cts = new CancellationTokenSource(Wait.Bound);
        while (!cts.IsCancellationRequested)
        {
            if (child.Output().Contains(marker, StringComparison.Ordinal)) return true;
            if (child.Process.HasExited) return false;
            await Task.Delay(20);
        }
        return false;
    }

    private static Child Host(string mode, StorageProvider provider, string connection, string dataDir, string camera)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Assembly.GetExecutingAssembly().Location);
        foreach (var a in new[] { JournalHost.Command, mode, provider.ToString(), connection, dataDir, camera })
            start.ArgumentList.Add(a);
        return new Child(Process.Start(start)!);
    }

    private sealed class Child : IDisposable
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

        public Child(Process process)
        {
            Process = process;
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) _lines.Enqueue(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _lines.Enqueue(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public Process Process { get; }

        public string Output() => string.Join('\n', _lines);

        public void Dispose()
        {
            if (!Process.HasExited) Process.Kill(entireProcessTree: true);
            Process.Dispose();
        }
    }
}

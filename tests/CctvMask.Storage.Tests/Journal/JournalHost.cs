using CctvMask.Storage.Compliance;
using CctvMask.Storage.Database;
using CctvMask.Storage.Hosting;
using CctvMask.Storage.Tests.Fixtures;
using CctvMask.Storage.Violations;
using CctvMask.Storage.WriteBehind;
using Microsoft.Extensions.Logging.Abstractions;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace CctvMask.Storage.Tests.Journal;

/// <summary>
/// The small host the kill tests start as a child process (<c>dotnet CctvMask.Storage.Tests.dll journal-host …</c>):
/// a real <see cref="WriteBehindStore"/> on a data folder. <c>write</c> accepts a known set of events
/// (violations, some journaled provisionally first, a few only provisionally (evidence never drawn), closed-minute
/// deltas, and two provisional open-minute deltas of one bucket), prints
/// <c>durable</c> once the journal has them on disk, then waits to be killed; <c>replay</c> starts on
/// the same folder, waits until everything is in the database, prints <c>replayed</c> and exits.
/// </summary>
public static class JournalHost
{
    public const string Command = "journal-host";
    public const int Violations = 137;
    public const int Deltas = 60;
    public const int OpenMinutePeople = 7;

    /// <summary>Violations first journaled provisionally (evidence being drawn), then final with their images.</summary>
    public const int EvidenceDrawn = 5;

    /// <summary>Violations journaled provisionally whose evidence was never drawn (the process died first); track ids from <see cref="PendingTrackBase"/>.</summary>
    public const int EvidencePending = 3;

    public const int PendingTrackBase = 10_000;

    /// <summary>People the write run counts in total: one per closed-minute delta plus the open minute.</summary>
    public const int People = Deltas + OpenMinutePeople;

    public static async Task<int> RunAsync(string[] args)
    {
        var (mode, provider, connection, dataDir, camera) = (args[1], Enum.Parse<StorageProvider>(args[2]), args[3], args[4], args[5]);
        var options = new StorageOptions
        {
            Provider = provider,
            ConnectionString = connection,
            DataDirectory = dataDir,
            MaxRetryAttempts = 1,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            OutageRetryDelay = TimeSpan.FromMilliseconds(200),
            ReplayCheckInterval = TimeSpan.FromMilliseconds(100),
        };
        using var factory = new CctvDbContextFactory(MsOptions.Create(options));
        using var metrics = new StorageMetrics();
        using var store = new WriteBehindStore(
            MsOptions.Create(options), new ViolationRepository(factory, MsOptions.Create(options)),
            new ComplianceRepository(factory, MsOptions.Create(options), TimeProvider.System), new CctvDatabase(factory),
            metrics, NullLogger<WriteBehindStore>.Instance, TimeProvider.System);
        await store.StartAsync(CancellationToken.None);
        if (mode == "replay")
        {
            await store.FlushAsync(Wait.Token());
            await store.StopAsync(CancellationToken.None);
            Console.WriteLine("replayed");
            return 0;
        }

        var t0 = Samples.BaseTime();
        for (var i = 0; i < Violations; i++)
        {
            var violation = Samples.Violation(camera, t0.AddSeconds(i), i);
            // As the camera journals it before its snapshot is drawn: the face crop, no snapshot.
            if (i < EvidenceDrawn) store.EnqueueProvisional(violation with { SnapshotJpeg = null });
            store.TryEnqueue(violation);
        }
        for (var i = 0; i < EvidencePending; i++)
            store.EnqueueProvisional(Samples.Violation(camera, t0.AddSeconds(Violations + i), PendingTrackBase + i) with { SnapshotJpeg = null });
        for (var i = 0; i < Deltas; i++) store.Enqueue(Samples.Delta(camera, t0.AddMinutes(i), 1, 0, 0));
        var open = new ComplianceDelta(Guid.NewGuid(), camera, t0.AddMinutes(Deltas), 4, 3, 1, 0);
        store.EnqueueProvisional(open);
        store.EnqueueProvisional(open with { People = OpenMinutePeople, Masked = 5, Unmasked = 2 });
        while (store.JournalPending > 0) await Task.Delay(10);
        Console.WriteLine($"durable written={store.Stats.Written}");
        await Task.Delay(Timeout.Infinite);
        return 0;
    }
}

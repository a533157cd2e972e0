using CctvMask.Storage.Hosting;

namespace CctvMask.Storage.Journal;

/// <summary>The journal's numbers, taken from <see cref="StorageOptions"/> (validated there).</summary>
internal sealed record JournalSettings(TimeSpan FlushInterval, long SegmentBytes, long MaxBytes, int QueueCapacity, int MaxBatch)
{
    public static JournalSettings From(StorageOptions o) => new(
        o.JournalFlushInterval, o.JournalSegmentMegabytes * 1024L * 1024L, o.MaxJournalMegabytes * 1024L * 1024L,
        o.JournalQueueCapacity, Math.Max(o.BatchSize, 64));
}

using System.ComponentModel.DataAnnotations;

namespace CctvMask.Storage.Hosting;

/// <summary>
/// Configuration section <c>Storage</c>. The provider is chosen here; everything else has a
/// working default for the embedded single-box setup (SQLite file under <see cref="DataDirectory"/>).
/// Cross-field rules live in <see cref="StorageOptionsValidator"/>.
/// </summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section bound by <c>AddCctvStorage</c>.</summary>
    public const string SectionName = "Storage";

    /// <summary>File name of the embedded SQLite database inside <see cref="DataDirectory"/>.</summary>
    public const string SqliteFileName = "cctvmask.db";

    /// <summary>Database engine.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// ADO.NET connection string. Required for PostgreSQL; for SQLite it defaults to
    /// <c>Data Source={DataDirectory}/cctvmask.db</c>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Local folder for the SQLite file and the write-behind spill files (also used with
    /// PostgreSQL). Defaults to <c>CCTVMASK_DATA</c>, else <c>./data</c>.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string DataDirectory { get; set; } = DefaultDataDirectory();

    /// <summary>Apply pending migrations when the host starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>How long startup keeps retrying to reach the database and migrate it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// In-memory write-behind queue bound; past it events spill to a local file. Mind memory: a
    /// violation carries its JPEGs (tens of KB), so 2000 buffered violations can hold ~200 MB.
    /// </summary>
    [Range(1, 10_000_000)]
    public int MaxBufferedEvents { get; set; } = 2_000;

    /// <summary>
    /// Events handed to the spill-file appender and not yet on disk (normally near zero; only a
    /// stalled disk fills it); past it events are dropped (and counted).
    /// </summary>
    [Range(1, 10_000_000)]
    public int SpillQueueCapacity { get; set; } = 5_000;

    /// <summary>
    /// Longest wait before an accepted event is on disk in the journal (group commit: one fsync per
    /// interval at most). An event accepted less than this before a crash may be lost.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:05")]
    public TimeSpan JournalFlushInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>A journal segment is closed past this size (MB); closed segments go once the database has their events.</summary>
    [Range(1, 4096)]
    public int JournalSegmentMegabytes { get; set; } = 16;

    /// <summary>
    /// Bound of the journal on disk (MB). Past it new events are kept in memory only (logged, counted)
    /// until the database catches up; nothing already journaled is dropped.
    /// </summary>
    [Range(1, 1_048_576)]
    public int MaxJournalMegabytes { get; set; } = 1024;

    /// <summary>Events handed to the journal writer and not yet on disk (normally a few; only a stalled disk fills it).</summary>
    [Range(1, 10_000_000)]
    public int JournalQueueCapacity { get; set; } = 20_000;

    /// <summary>Most events written in one database round trip.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 256;

    /// <summary>Retries of one batch (exponential backoff with jitter) before it counts as failed.</summary>
    [Range(1, 20)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>First retry delay; doubles with each attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Pause between attempts while the database is unreachable.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan OutageRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the idle writer looks for spilled files to replay.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan ReplayCheckInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Audit log lines older than this many days are deleted (a year by default: who looked at evidence outlives the evidence).</summary>
    [Range(1, 36_500)]
    public int AuditRetentionDays { get; set; } = 365;

    /// <summary>Violations (and their snapshots) older than this many days are deleted, unless the camera sets its own retention.</summary>
    [Range(1, 36_500)]
    public int RetentionDays { get; set; } = 30;

    /// <summary>Minute compliance buckets older than this many days are deleted.</summary>
    [Range(1, 36_500)]
    public int ComplianceRetentionDays { get; set; } = 400;

    /// <summary>Idempotency keys of applied compliance deltas are kept this long; a replay older than this could double count.</summary>
    [Range(1, 36_500)]
    public int AppliedEventRetentionDays { get; set; } = 14;

    /// <summary>How often the retention job runs.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Window of "compliance now" in the fleet summary, in minutes.</summary>
    [Range(1, 1440)]
    public int ComplianceNowMinutes { get; set; } = 5;

    /// <summary>
    /// Violations of one camera at most this many seconds apart join the same incident (the gallery and
    /// list show incidents first); a longer quiet gap, or an incident already reviewed, opens a new one.
    /// </summary>
    [Range(1, 86_400)]
    public int IncidentWindowSeconds { get; set; } = 120;

    /// <summary>Largest compliance series one query may return (guards minute buckets over long ranges).</summary>
    [Range(1, 1_000_000)]
    public int MaxSeriesPoints { get; set; } = 20_000;

    /// <summary>Largest violation page size.</summary>
    [Range(1, 10_000)]
    public int MaxPageSize { get; set; } = 500;

    /// <summary>The connection string actually used: the configured one, or the SQLite file under <see cref="DataDirectory"/>.</summary>
    public string ResolveConnectionString() =>
        ConnectionString is { Length: > 0 } cs
            ? cs
            : Provider == StorageProvider.Sqlite
                ? $"Data Source={Path.Combine(DataDirectory, SqliteFileName)}"
                : throw new InvalidOperationException("Storage:ConnectionString is required for PostgreSQL.");

    /// <summary>Folder of the durable event journal.</summary>
    public string JournalDirectory => Path.Combine(DataDirectory, "journal");

    /// <summary>Folder of the write-behind spill files.</summary>
    public string SpillDirectory => Path.Combine(DataDirectory, "spill");

    private static string DefaultDataDirectory() =>
        Environment.GetEnvironmentVariable("CCTVMASK_DATA") is { Length: > 0 } dir ? dir : Path.Combine(".", "data");
}

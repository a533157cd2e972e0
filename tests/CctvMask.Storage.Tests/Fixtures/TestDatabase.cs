using CctvMask.Storage.Audit;
using CctvMask.Storage.Privacy;
using CctvMask.Storage.Cameras;
using CctvMask.Storage.Compliance;
using CctvMask.Storage.Database;
using CctvMask.Storage.Hosting;
using CctvMask.Storage.Retention;
using CctvMask.Storage.Violations;
using CctvMask.Storage.WriteBehind;
using CctvMask.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace CctvMask.Storage.Tests.Fixtures;

/// <summary>
/// A real, freshly migrated database for tests: a SQLite file in a temp folder, or a uniquely
/// named PostgreSQL database on CCTVMASK_TEST_POSTGRES (dropped on dispose).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _postgresAdmin;

    private TestDatabase(StorageOptions options, string root, string? postgresAdmin, string? postgresName)
    {
        Options = options;
        Root = root;
        _postgresAdmin = postgresAdmin;
        PostgresName = postgresName;
        Factory = new CctvDbContextFactory(MsOptions.Create(options));
        Database = new CctvDatabase(Factory);
    }

    public StorageOptions Options { get; }
    public string Root { get; }
    public string? PostgresName { get; }
    public CctvDbContextFactory Factory { get; }
    public CctvDatabase Database { get; }
    public StorageProvider Provider => Options.Provider;

    /// <summary>
    /// Creates and migrates a database (unless <paramref name="migrate"/> is false: a migration test
    /// then migrates it step by step). SQLite lives in {root}/db/ (so a test can move that folder away
    /// to simulate an outage); spill files in {root}/spill.
    /// </summary>
    public static async Task<TestDatabase> CreateAsync(StorageProvider provider, Action<StorageOptions>? configure = null, bool migrate = true)
    {
        var admin = provider == StorageProvider.Postgres
            ? TestEnvironment.Require(TestEnvironment.Postgres, "CCTVMASK_TEST_POSTGRES")
            : null;
        var root = Path.Combine(Path.GetTempPath(), "cctvmask-storage-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var options = new StorageOptions { Provider = provider, DataDirectory = root };
        string? name = null;
        if (provider == StorageProvider.Sqlite)
        {
            Directory.CreateDirectory(Path.Combine(root, "db"));
            // No pooling: a moved-away database folder is noticed on the next open.
            options.ConnectionString = $"Data Source={Path.Combine(root, "db", StorageOptions.SqliteFileName)};Pooling=False";
        }
        else
        {
            name = "cctvmask_t_" + Guid.NewGuid().ToString("N")[..16];
            options.ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        }
        configure?.Invoke(options);
        var db = new TestDatabase(options, root, admin, name);
        if (migrate) await db.Database.MigrateAsync();
        return db;
    }

    public CameraRepository Cameras(TimeProvider? time = null) => new(Factory, time ?? TimeProvider.System);

    public ViolationRepository Violations() => new(Factory, MsOptions.Create(Options));

    public ComplianceRepository Compliance(TimeProvider? time = null) =>
        new(Factory, MsOptions.Create(Options), time ?? TimeProvider.System);

    public RetentionService Retention(StorageMetrics metrics) =>
        new(Factory, Purger(), MsOptions.Create(Options), metrics, NullLogger<RetentionService>.Instance, TimeProvider.System);

    public PrivacyPurger Purger() => new(Factory);

    public AuditRepository Audit() => new(Factory, MsOptions.Create(Options));

    public WriteBehindStore WriteBehind(StorageMetrics metrics) => new(
        MsOptions.Create(Options), Violations(), Compliance(), Database, metrics,
        NullLogger<WriteBehindStore>.Instance, TimeProvider.System);

    /// <summary>Admin SQL on the server's maintenance database (PostgreSQL only).</summary>
    public async Task AdminAsync(string sql)
    {
        var cs = new NpgsqlConnectionStringBuilder(_postgresAdmin) { Database = "postgres", Pooling = false }.ConnectionString;
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Factory.Dispose();
        if (PostgresName is not null)
        {
            await AdminAsync($"DROP DATABASE IF EXISTS \"{PostgresName}\" WITH (FORCE)");
            await AdminAsync($"DROP DATABASE IF EXISTS \"{PostgresName}_away\" WITH (FORCE)");
        }
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }
}

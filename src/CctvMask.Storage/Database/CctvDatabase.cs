using CctvMask.Storage.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CctvMask.Storage.Database;

/// <summary>
/// Schema and health of the database: apply the provider's EF Core migrations, and the
/// readiness probe.
/// <code>
/// Task MigrateAsync(CancellationToken)
/// Task&lt;bool&gt; CanConnectAsync(CancellationToken)            // readiness; never throws
/// Task&lt;IReadOnlyList&lt;string&gt;&gt; GetPendingMigrationsAsync(CancellationToken)
/// </code>
/// </summary>
public sealed class CctvDatabase(CctvDbContextFactory factory)
{
    /// <summary>The configured provider.</summary>
    public StorageProvider Provider => factory.Provider;

    /// <summary>
    /// Creates the database if needed and applies pending migrations (EF Core takes a migration
    /// lock, so several pods starting together are safe). SQLite is switched to WAL so readers
    /// never wait for the writer, and its files are made private to the service account (mode 600:
    /// they hold camera URLs with credentials; SQLite gives its -wal/-shm files the same mode).
    /// </summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (Provider == StorageProvider.Sqlite)
            Directory.CreateDirectory(factory.DataDirectory);
        await using var db = factory.CreateDbContext();
        var sqliteFile = Provider == StorageProvider.Sqlite ? db.Database.GetDbConnection().DataSource : null;
        if (sqliteFile is ":memory:" || sqliteFile?.StartsWith("file:", StringComparison.Ordinal) == true) sqliteFile = null;
        if (sqliteFile is { Length: > 0 } && !File.Exists(sqliteFile) && Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(sqliteFile))))
        {
            using (File.Create(sqliteFile)) { } // an empty file is a new SQLite database, created private
            MakePrivate(sqliteFile);
        }
        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        if (Provider == StorageProvider.Sqlite)
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        if (sqliteFile is { Length: > 0 })
            foreach (var f in new[] { sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm" }) MakePrivate(f);
    }

    private static void MakePrivate(string path)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(path)) return;
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    /// <summary>Readiness probe: true when the database answers and holds the schema.</summary>
    public async Task<bool> CanConnectAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = factory.CreateDbContext();
            if (!await db.Database.CanConnectAsync(cancellationToken).ConfigureAwait(false))
                return false;
            // SQLite "connects" to any path it may create; ask for the schema to be sure.
            await db.Cameras.AnyAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Migrations not yet applied (empty when the schema is current).</summary>
    public async Task<IReadOnlyList<string>> GetPendingMigrationsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        return [.. await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)];
    }
}

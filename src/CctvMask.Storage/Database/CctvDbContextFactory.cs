using CctvMask.Storage.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CctvMask.Storage.Database;

/// <summary>
/// Creates short-lived DbContexts for the configured provider. Singleton: it owns the
/// PostgreSQL data source (connection pool). Build options once, create a context per unit of work.
/// </summary>
public sealed class CctvDbContextFactory : IDisposable
{
    private readonly DbContextOptions<SqliteCctvDbContext>? _sqlite;
    private readonly DbContextOptions<PostgresCctvDbContext>? _postgres;
    private readonly NpgsqlDataSource? _dataSource;

    /// <summary>
    /// Builds the provider's context options from <paramref name="options"/>. EF Core logs go to
    /// <paramref name="loggerFactory"/> when given (its command logs are Information: filter
    /// <c>Microsoft.EntityFrameworkCore</c> to Warning in production).
    /// </summary>
    public CctvDbContextFactory(IOptions<StorageOptions> options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        Provider = o.Provider;
        DataDirectory = o.DataDirectory;
        switch (o.Provider)
        {
            case StorageProvider.Sqlite:
                _sqlite = WithLogging(new DbContextOptionsBuilder<SqliteCctvDbContext>(), loggerFactory)
                    .UseSqlite(o.ResolveConnectionString())
                    .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
                    .Options;
                break;
            case StorageProvider.Postgres:
                _dataSource = new NpgsqlDataSourceBuilder(o.ResolveConnectionString()).Build();
                _postgres = WithLogging(new DbContextOptionsBuilder<PostgresCctvDbContext>(), loggerFactory)
                    .UseNpgsql(_dataSource)
                    .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
                    .Options;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(options), o.Provider, "Unknown storage provider.");
        }
    }

    /// <summary>The configured provider.</summary>
    public StorageProvider Provider { get; }

    /// <summary>Local data folder (SQLite file, spill files).</summary>
    public string DataDirectory { get; }

    internal CctvDbContext CreateDbContext() => Provider switch
    {
        StorageProvider.Sqlite => new SqliteCctvDbContext(_sqlite!),
        _ => new PostgresCctvDbContext(_postgres!),
    };

    private static DbContextOptionsBuilder<T> WithLogging<T>(DbContextOptionsBuilder<T> builder, ILoggerFactory? loggerFactory)
        where T : DbContext =>
        loggerFactory is null ? builder : builder.UseLoggerFactory(loggerFactory);

    /// <summary>Disposes the PostgreSQL connection pool.</summary>
    public void Dispose() => _dataSource?.Dispose();
}

namespace CctvMask.Storage.Hosting;

/// <summary>The database engine behind the store.</summary>
public enum StorageProvider
{
    /// <summary>Embedded default: one SQLite file under <see cref="StorageOptions.DataDirectory"/>.</summary>
    Sqlite,

    /// <summary>Fleet deployments: PostgreSQL through Npgsql.</summary>
    Postgres,
}

using CctvMask.Storage.Database;
using CctvMask.Storage.Hosting;
using CctvMask.Storage.Tests.Fixtures;
using CctvMask.Testing;
using Npgsql;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace CctvMask.Storage.Tests.Database;

public sealed class CctvDatabaseTests
{
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Migrate_creates_a_current_schema_and_the_probe_sees_it(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.True(await db.Database.CanConnectAsync());
        // Migrating again is a no-op, not an error.
        await db.Database.MigrateAsync();
        Assert.True(await db.Database.CanConnectAsync());
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_sqlite_files_are_private_to_the_service_account()
    {
        var dir = Path.Combine(Path.GetTempPath(), "cctvmask-storage-tests", Guid.NewGuid().ToString("N"));
        var options = new StorageOptions { Provider = StorageProvider.Sqlite, DataDirectory = dir };
        using (var factory = new CctvDbContextFactory(MsOptions.Create(options)))
            await new CctvDatabase(factory).MigrateAsync();
        var files = Directory.GetFiles(dir, StorageOptions.SqliteFileName + "*");
        Assert.Contains(Path.Combine(dir, StorageOptions.SqliteFileName), files);
        foreach (var f in files)
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f));
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public async Task Probe_is_false_for_a_sqlite_folder_that_does_not_exist()
    {
        var missing = Path.Combine(Path.GetTempPath(), "cctvmask-storage-tests", Guid.NewGuid().ToString("N"), "nope");
        var options = new StorageOptions
        {
            Provider = StorageProvider.Sqlite,
            DataDirectory = missing,
            ConnectionString = $"Data Source={Path.Combine(missing, "x.db")}",
        };
        using var factory = new CctvDbContextFactory(MsOptions.Create(options));

        Assert.False(await new CctvDatabase(factory).CanConnectAsync());
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public async Task Probe_is_false_for_a_postgres_database_that_does_not_exist()
    {
        var admin = TestEnvironment.Require(TestEnvironment.Postgres, "CCTVMASK_TEST_POSTGRES");
        var options = new StorageOptions
        {
            Provider = StorageProvider.Postgres,
            ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = "cctvmask_missing_" + Guid.NewGuid().ToString("N")[..8] }.ConnectionString,
        };
        using var factory = new CctvDbContextFactory(MsOptions.Create(options));

        Assert.False(await new CctvDatabase(factory).CanConnectAsync());
    }

    [Fact]
    public void Snake_case_names_match_the_raw_sql()
    {
        Assert.Equal("bucket_start", CctvDbContext.ToSnakeCase("BucketStart"));
        Assert.Equal("id", CctvDbContext.ToSnakeCase("Id"));
        Assert.Equal("face_jpeg", CctvDbContext.ToSnakeCase("FaceJpeg"));
    }
}

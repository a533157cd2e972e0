using CctvMask.Testing;
using Npgsql;

namespace CctvMask.Server.Tests.Infrastructure;

/// <summary>A server on a fresh PostgreSQL database (CCTVMASK_TEST_POSTGRES), dropped afterwards.</summary>
public sealed class PostgresServerFixture : IDisposable
{
    private readonly string _adminConnection;
    private readonly string _database = $"cctvmask_server_{Guid.NewGuid():N}"[..40];

    public PostgresServerFixture()
    {
        var configured = TestEnvironment.Require(TestEnvironment.Postgres, "CCTVMASK_TEST_POSTGRES");
        // Drop from the maintenance database: the test database may not exist yet.
        _adminConnection = new NpgsqlConnectionStringBuilder(configured) { Database = "postgres" }.ConnectionString;
        var builder = new NpgsqlConnectionStringBuilder(configured) { Database = _database };
        Factory = new ServerFactory(postgres: builder.ConnectionString);
    }

    public ServerFactory Factory { get; }

    public void Dispose()
    {
        Factory.Dispose();
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(_adminConnection);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
        try { Directory.Delete(Factory.DataDir, recursive: true); } catch (IOException) { }
    }
}

using Microsoft.Data.Sqlite;

namespace CctvMask.Server.Tests.EndToEnd;

/// <summary>Reads the server's SQLite file directly with SQL (independent of the code under test).</summary>
public sealed class DatabaseCounts(string dataDir)
{
    private string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(dataDir, "cctvmask.db"),
        Mode = SqliteOpenMode.ReadOnly,
        Pooling = false,
    }.ToString();

    public sealed record Counts(long People, long Masked, long Unmasked, long Unknown, long Violations)
    {
        public double? Compliance => Masked + Unmasked > 0 ? (double)Masked / (Masked + Unmasked) : null;
    }

    public async Task<Counts> ForCameraAsync(string cameraId)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var sums = connection.CreateCommand();
        // The minute rows (granularity 0); hour and day rows hold the same people counted once per period.
        sums.CommandText = "SELECT COALESCE(SUM(people),0), COALESCE(SUM(masked),0), COALESCE(SUM(unmasked),0), COALESCE(SUM(unknown),0) FROM compliance_buckets WHERE camera_id = $id AND granularity = 0";
        sums.Parameters.AddWithValue("$id", cameraId);
        await using var reader = await sums.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (people, masked, unmasked, unknown) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM violations WHERE camera_id = $id";
        count.Parameters.AddWithValue("$id", cameraId);
        var violations = (long)(await count.ExecuteScalarAsync())!;
        return new Counts(people, masked, unmasked, unknown, violations);
    }
}

using CctvMask.Storage.Hosting;
using Npgsql;

namespace CctvMask.Storage.Tests.Fixtures;

/// <summary>
/// Makes a test database really unreachable and brings it back: SQLite by moving its folder
/// away (the connection string has no pooling, so the next open fails), PostgreSQL by
/// terminating its sessions and renaming the database.
/// </summary>
public static class Outage
{
    private const string ObjectInUse = "55006";
    private const int RenameAttempts = 50;

    public static Task BreakAsync(TestDatabase db) =>
        db.Provider == StorageProvider.Sqlite
            ? Move(Path.Combine(db.Root, "db"), Path.Combine(db.Root, "db-away"))
            : RenameAsync(db, db.PostgresName!, db.PostgresName + "_away");

    public static Task RestoreAsync(TestDatabase db) =>
        db.Provider == StorageProvider.Sqlite
            ? Move(Path.Combine(db.Root, "db-away"), Path.Combine(db.Root, "db"))
            : RenameAsync(db, db.PostgresName + "_away", db.PostgresName!);

    private static Task Move(string from, string to)
    {
        Directory.Move(from, to);
        return Task.CompletedTask;
    }

    private static async Task RenameAsync(TestDatabase db, string from, string to)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.AdminAsync(
                    $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{from}' AND pid <> pg_backend_pid()");
                await db.AdminAsync($"ALTER DATABASE \"{from}\" RENAME TO \"{to}\"");
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == ObjectInUse && attempt < RenameAttempts)
            {
                // A pooled connection reconnected between terminate and rename; terminate again.
                await Task.Delay(50);
            }
        }
    }
}

using Microsoft.EntityFrameworkCore;

namespace CctvMask.Storage.Database;

/// <summary>The model on SQLite; migrations in <c>Migrations/Sqlite</c>.</summary>
internal sealed class SqliteCctvDbContext(DbContextOptions<SqliteCctvDbContext> options) : CctvDbContext(options)
{
    protected override string JsonColumnType => "TEXT";
}

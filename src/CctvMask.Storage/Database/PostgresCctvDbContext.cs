using Microsoft.EntityFrameworkCore;

namespace CctvMask.Storage.Database;

/// <summary>The model on PostgreSQL; migrations in <c>Migrations/Postgres</c>.</summary>
internal sealed class PostgresCctvDbContext(DbContextOptions<PostgresCctvDbContext> options) : CctvDbContext(options)
{
    protected override string JsonColumnType => "jsonb";
}

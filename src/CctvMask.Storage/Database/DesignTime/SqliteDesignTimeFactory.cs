using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CctvMask.Storage.Database.DesignTime;

/// <summary>
/// Used only by <c>dotnet ef migrations add X --context SqliteCctvDbContext --output-dir Migrations/Sqlite</c>.
/// </summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCctvDbContext>
{
    public SqliteCctvDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCctvDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

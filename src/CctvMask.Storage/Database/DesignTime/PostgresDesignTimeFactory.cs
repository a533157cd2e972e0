using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CctvMask.Storage.Database.DesignTime;

/// <summary>
/// Used only by <c>dotnet ef migrations add X --context PostgresCctvDbContext --output-dir Migrations/Postgres</c>
/// (no connection is opened to generate a migration).
/// </summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCctvDbContext>
{
    public PostgresCctvDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCctvDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}

using CctvMask.Storage.Alerts;
using CctvMask.Storage.Hosting;
using CctvMask.Storage.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CctvMask.Storage.Tests.Database;

/// <summary>
/// Rules stored before scopes existed are migrated to the scope they behaved as: with a camera id, that camera;
/// without, every camera on its own (not the new fleet aggregate).
/// </summary>
public sealed class AlertScopeMigrationTests
{
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Rules_before_scopes_keep_their_behaviour(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, migrate: false);
        var withCamera = Guid.NewGuid();
        var withoutCamera = Guid.NewGuid();
        var at = new DateTime(2026, 12, 3, 12, 0, 0, DateTimeKind.Utc);
        await using (var context = db.Factory.CreateDbContext())
        {
            var before = context.Database.GetMigrations().Single(m => m.EndsWith("_IncidentsAndUniquePeoplePerPeriod", StringComparison.Ordinal));
            await context.GetService<IMigrator>().MigrateAsync(before);
            foreach (var (id, camera) in new[] { (withCamera, (string?)"lobby"), (withoutCamera, null) })
            {
                // EF Core keeps a Guid as upper-case TEXT on SQLite and as uuid on PostgreSQL.
                object key = provider == StorageProvider.Sqlite ? id.ToString().ToUpperInvariant() : id;
                await context.Database.ExecuteSqlAsync(
                    $"INSERT INTO alert_rules (id, name, kind, camera_id, threshold, window_minutes, min_people, hysteresis, cooldown_seconds, enabled, mqtt, created_at, updated_at) VALUES ({key}, {"old"}, {"ComplianceBelow"}, {camera}, {80.0}, {10}, {5}, {5.0}, {900}, {true}, {false}, {at}, {at})");
            }
        }

        await db.Database.MigrateAsync();

        var rules = new AlertRuleRepository(db.Factory, TimeProvider.System);
        Assert.Equal((AlertRuleScope.Camera, "lobby"), ((await rules.GetAsync(withCamera))!.Spec.Scope, (await rules.GetAsync(withCamera))!.Spec.CameraId));
        Assert.Equal(AlertRuleScope.EachCamera, (await rules.GetAsync(withoutCamera))!.Spec.Scope);
    }
}

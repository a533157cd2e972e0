using CctvMask.Storage.Cameras;
using CctvMask.Storage.Hosting;
using CctvMask.Storage.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CctvMask.Storage.Tests.Database;

/// <summary>
/// A database made by the first migration, holding a camera, is migrated to the current schema:
/// the camera stays as it was and gets the analysis settings' defaults.
/// </summary>
public sealed class CameraSettingsMigrationTests
{
    private const string ZonesJson = """[{"name":"door","points":[{"x":0.1,"y":0.1},{"x":0.9,"y":0.1},{"x":0.5,"y":0.9}]}]""";

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task A_camera_stored_before_the_settings_keeps_its_fields_and_gets_the_defaults(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, migrate: false);
        var created = new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);
        await using (var context = db.Factory.CreateDbContext())
        {
            var initial = context.Database.GetMigrations().Single(m => m.EndsWith("_InitialCreate", StringComparison.Ordinal));
            await context.GetService<IMigrator>().MigrateAsync(initial);
            Assert.Contains(await context.Database.GetPendingMigrationsAsync(), m => m.EndsWith("_CameraAnalysisSettings", StringComparison.Ordinal));

            // The row as the old schema held it (no settings columns yet); zones are jsonb on PostgreSQL.
            const string id = "old-cam", name = "Old camera", url = "rtsp://user:pw@10.0.0.9/s";
            const bool enabled = true;
            const double fps = 4.0;
            const int width = 800, height = 450;
            FormattableString insert = provider == StorageProvider.Postgres
                ? (FormattableString)$"INSERT INTO cameras (id, name, url, enabled, detect_fps, analysis_width, analysis_height, zones, created_at, updated_at) VALUES ({id}, {name}, {url}, {enabled}, {fps}, {width}, {height}, CAST({ZonesJson} AS jsonb), {created}, {created})"
                : $"INSERT INTO cameras (id, name, url, enabled, detect_fps, analysis_width, analysis_height, zones, created_at, updated_at) VALUES ({id}, {name}, {url}, {enabled}, {fps}, {width}, {height}, {ZonesJson}, {created}, {created})";
            await context.Database.ExecuteSqlAsync(insert);
        }

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var camera = await db.Cameras().GetAsync("old-cam");
        Assert.NotNull(camera);
        Assert.Equal(("Old camera", "rtsp://user:pw@10.0.0.9/s", true, 4.0, 800, 450),
            (camera.Name, camera.Url, camera.Enabled, camera.DetectFps, camera.AnalysisWidth, camera.AnalysisHeight));
        Assert.Equal(new DateTimeOffset(created), camera.CreatedAt);
        var zone = Assert.Single(camera.Zones);
        Assert.Equal("door", zone.Name);
        Assert.Equal(3, zone.Points.Count);
        Assert.Equal(CameraSettingLimits.DefaultMotionGating, camera.MotionGating);
        Assert.Equal(CameraSettingLimits.DefaultSmallFacePass, camera.SmallFacePass);
        Assert.Equal(CameraSettingLimits.DefaultSmallFaceLongSide, camera.SmallFaceLongSide);
    }
}

using CctvMask.Storage.Compliance;
using CctvMask.Storage.Database;
using CctvMask.Storage.Hosting;
using CctvMask.Storage.Violations;
using CctvMask.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CctvMask.Dashboard.Tests.Browser;

/// <summary>
/// Known history for one camera written straight into the server's SQLite file before it starts:
/// six past hours of compliance with distinct percentages, a recent minute, and violations with
/// real photos as snapshots.
/// </summary>
public static class Seeder
{
    public const string CameraId = "lobby";
    public const string CameraName = "Lobby";
    public const string CameraSecret = "s3cretPass";
    public const int ViolationCount = 14;

    /// <summary>(hours before the current hour, masked, unmasked, unknown): compliance 90, 80, 60, 75, 50, 70 %.</summary>
    public static readonly (int HoursAgo, int Masked, int Unmasked, int Unknown)[] Hours =
        [(6, 9, 1, 2), (5, 8, 2, 0), (4, 6, 4, 1), (3, 3, 1, 0), (2, 5, 5, 2), (1, 7, 3, 0)];

    public static string CameraUrl(string rtspBase) =>
        $"rtsp://operator:{CameraSecret}@{new Uri(rtspBase).Authority}/lobby-offline";

    public static DateTimeOffset HourStart(DateTimeOffset now, int hoursAgo) =>
        new DateTimeOffset(now.UtcDateTime.Date.AddHours(now.UtcDateTime.Hour), TimeSpan.Zero).AddHours(-hoursAgo);

    /// <summary>A minute inside the "compliance now" window that never falls into the previous hour's bucket.</summary>
    public static DateTimeOffset RecentMinute(DateTimeOffset now)
    {
        var recent = now.AddMinutes(-2);
        var hour = HourStart(now, 0);
        return recent < hour ? hour : recent;
    }

    public static async Task SeedDatabaseAsync(string dataDirectory, DateTimeOffset now)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = dataDirectory })
            .Build();
        var services = new ServiceCollection().AddLogging().AddCctvStorage(configuration);
        await using (var provider = services.BuildServiceProvider())
        {
            await provider.GetRequiredService<CctvDatabase>().MigrateAsync();
            var deltas = Hours.Select(h => new ComplianceDelta(
                    Guid.NewGuid(), CameraId, HourStart(now, h.HoursAgo).AddMinutes(10),
                    h.Masked + h.Unmasked + h.Unknown, h.Masked, h.Unmasked, h.Unknown))
                .Append(new ComplianceDelta(Guid.NewGuid(), CameraId, RecentMinute(now), 5, 4, 1, 0))
                .ToArray();
            await provider.GetRequiredService<ComplianceRepository>().ApplyAsync(deltas);
            await provider.GetRequiredService<ViolationRepository>().InsertAsync(Violations(now));
        }
        SqliteConnection.ClearAllPools();
    }

    private static ViolationRecord[] Violations(DateTimeOffset now)
    {
        var photos = Directory.GetFiles(TestEnvironment.Shared("datasets", "face-mask-dev", "images"), "*.jpg")
            .Order(StringComparer.Ordinal).Take(ViolationCount).ToArray();
        var faces = Directory.GetFiles(TestEnvironment.Shared("datasets", "mask-crops", "without_mask"), "*.jpg")
            .Order(StringComparer.Ordinal).Take(ViolationCount).ToArray();
        if (photos.Length < ViolationCount || faces.Length < ViolationCount)
            throw new InvalidOperationException("The shared datasets hold fewer images than the seed needs.");
        return [.. Enumerable.Range(0, ViolationCount).Select(i => new ViolationRecord(
            Guid.NewGuid(), CameraId, now.AddMinutes(-20 * (i + 1)), 100 + i, 0.70f + 0.02f * i,
            new FaceBox(10, 10, 40, 40), File.ReadAllBytes(faces[i]), File.ReadAllBytes(photos[i])))];
    }
}

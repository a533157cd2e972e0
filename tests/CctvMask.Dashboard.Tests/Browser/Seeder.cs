using CctvMask.Storage.Compliance;
using CctvMask.Storage.Database;
using CctvMask.Storage.Hosting;
using CctvMask.Storage.Violations;
using CctvMask.Testing;
using CctvMask.Vision.Detection;
using CctvMask.Vision.Geometry;
using CctvMask.Vision.Imaging;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CctvMask.Dashboard.Tests.Browser;

/// <summary>
/// Known history for one camera written straight into the server's SQLite file before it starts:
/// six past hours of compliance with distinct percentages (minute, hour and day rows, as the pipeline
/// writes them), a recent minute, and violations in three incidents with real photos as snapshots, the
/// violator's box drawn by the pipeline's own evidence drawing.
/// </summary>
public static class Seeder
{
    public const string CameraId = "lobby";
    public const string CameraName = "Lobby";
    public const string CameraSecret = "s3cretPass";
    public const int ViolationCount = 14;

    /// <summary>Violations per seeded incident (seconds apart inside one, half an hour between them).</summary>
    public const int PerIncident = 5;

    public static int IncidentCount => (ViolationCount + PerIncident - 1) / PerIncident;

    /// <summary>Where the violator's face is in every seeded snapshot (fractions of the photo).</summary>
    public const float FaceLeft = 0.35f, FaceTop = 0.3f, FaceSide = 0.2f;

    /// <summary>(hours before the current hour, masked, unmasked, unknown): compliance 90, 80, 60, 75, 50, 70 %.</summary>
    public static readonly (int HoursAgo, int Masked, int Unmasked, int Unknown)[] Hours =
        [(6, 9, 1, 2), (5, 8, 2, 0), (4, 6, 4, 1), (3, 3, 1, 0), (2, 5, 5, 2), (1, 7, 3, 0)];

    /// <summary>The seeded hour in which some of the unmasked people wore the mask wrongly, and how many.</summary>
    public const int IncorrectHoursAgo = 2, IncorrectPeople = 3;

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
            var minutes = Hours.Select(h => new ComplianceDelta(
                    Guid.NewGuid(), CameraId, HourStart(now, h.HoursAgo).AddMinutes(10),
                    h.Masked + h.Unmasked + h.Unknown, h.Masked, h.Unmasked, h.Unknown,
                    Incorrect: h.HoursAgo == IncorrectHoursAgo ? IncorrectPeople : 0))
                .Append(new ComplianceDelta(Guid.NewGuid(), CameraId, RecentMinute(now), 5, 4, 1, 0))
                .ToArray();
            // One minute per hour with people: each hour's (and day's) unique people are that minute's.
            var deltas = minutes
                .Concat(minutes.Select(m => m with { EventId = Guid.NewGuid(), Granularity = BucketSize.Hour }))
                .Concat(minutes.Select(m => m with { EventId = Guid.NewGuid(), Granularity = BucketSize.Day }))
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
        return [.. Enumerable.Range(0, ViolationCount).Select(i =>
        {
            var (snapshot, box) = Evidence(photos[i], 0.70f + 0.02f * i);
            var at = now.AddMinutes(-30 * (i / PerIncident + 1)).AddSeconds(20 * (i % PerIncident));
            return new ViolationRecord(Guid.NewGuid(), CameraId, at, 100 + i, 0.70f + 0.02f * i, box, File.ReadAllBytes(faces[i]), snapshot);
        })];
    }

    /// <summary>A photo with the violator (at FaceLeft/FaceTop) highlighted and one other face muted, as the pipeline stores it.</summary>
    private static (byte[] Jpeg, FaceBox Box) Evidence(string photo, float confidence)
    {
        using var image = ImageCodec.DecodeFile(photo);
        float side = image.Width * FaceSide;
        var violator = new BoxF(image.Width * FaceLeft, image.Height * FaceTop, side, side);
        var other = new BoxF(image.Width * 0.05f, image.Height * 0.6f, side / 2, side / 2);
        DetectedFace[] faces =
        [
            new(violator, 0.9f, default, FaceLabel.WithoutMask, 1f - confidence),
            new(other, 0.9f, default, FaceLabel.WithMask, 0.95f),
        ];
        FrameAnnotator.DrawEvidence(image, faces, violator: 0);
        return (ImageCodec.EncodeJpeg(image.AsFrame(), 85),
            new FaceBox((int)violator.X, (int)violator.Y, (int)violator.Width, (int)violator.Height));
    }
}

using System.Text;
using CctvMask.Storage.Database;
using Microsoft.EntityFrameworkCore;

namespace CctvMask.Storage.Compliance;

/// <summary>
/// The idempotent, set-based compliance write shared by SQLite and PostgreSQL (both speak
/// <c>INSERT ... ON CONFLICT ... RETURNING</c>): first record the batch's event ids in
/// <c>applied_events</c> and get back only the new ones, then add the new deltas, summed per
/// bucket, with one atomic upsert. Two statements per chunk instead of two per delta.
/// </summary>
internal static class ComplianceUpsert
{
    // Keeps each statement far below SQLite's 32766 and PostgreSQL's 65535 parameter limits.
    private const int ChunkSize = 500;
    private const int BucketColumns = 8;

    /// <summary>Applies the deltas inside the caller's transaction; returns how many were new.</summary>
    public static async Task<int> ApplyAsync(
        CctvDbContext db, IReadOnlyCollection<ComplianceDelta> deltas, DateTime appliedAt, CancellationToken cancellationToken)
    {
        var byId = new Dictionary<Guid, ComplianceDelta>(deltas.Count);
        foreach (var d in deltas) byId.TryAdd(d.EventId, d);
        var ids = byId.Keys.Order().ToArray();

        var fresh = new List<Guid>(ids.Length);
        foreach (var chunk in ids.Chunk(ChunkSize))
        {
            var sql = new StringBuilder("""INSERT INTO "applied_events" ("event_id", "applied_at") VALUES """);
            var args = new object[chunk.Length + 1];
            args[0] = appliedAt;
            for (var i = 0; i < chunk.Length; i++)
            {
                sql.Append(i == 0 ? "" : ", ").Append("({").Append(i + 1).Append("}, {0})");
                args[i + 1] = chunk[i];
            }
            sql.Append(""" ON CONFLICT ("event_id") DO NOTHING RETURNING "event_id" AS "Value" """);
            fresh.AddRange(await db.Database.SqlQueryRaw<Guid>(sql.ToString(), args)
                .ToListAsync(cancellationToken).ConfigureAwait(false));
        }
        if (fresh.Count == 0) return 0;

        // Sum per bucket (one row may not be upserted twice in one statement) in a fixed key
        // order, which keeps concurrent writers from deadlocking on bucket rows.
        var sums = new SortedDictionary<(string Camera, int Granularity, DateTime Start), long[]>(BucketKeyComparer.Instance);
        foreach (var id in fresh)
        {
            var d = byId[id];
            var key = (d.CameraId, (int)d.Granularity, Floor(d.BucketStart, d.Granularity));
            if (!sums.TryGetValue(key, out var s)) sums[key] = s = new long[5];
            s[0] += d.People;
            s[1] += d.Masked;
            s[2] += d.Unmasked;
            s[3] += d.Unknown;
            s[4] += d.Incorrect;
        }
        foreach (var chunk in sums.Chunk(ChunkSize))
        {
            var sql = new StringBuilder(
                """INSERT INTO "compliance_buckets" ("camera_id", "granularity", "bucket_start", "people", "masked", "unmasked", "unknown", "incorrect") VALUES """);
            var args = new object[chunk.Length * BucketColumns];
            for (var i = 0; i < chunk.Length; i++)
            {
                var p = i * BucketColumns;
                sql.Append(i == 0 ? "(" : ", (");
                for (var c = 0; c < BucketColumns; c++) sql.Append(c == 0 ? "{" : ", {").Append(p + c).Append('}');
                sql.Append(')');
                var ((camera, granularity, start), s) = (chunk[i].Key, chunk[i].Value);
                args[p] = camera;
                args[p + 1] = granularity;
                args[p + 2] = start;
                args[p + 3] = s[0];
                args[p + 4] = s[1];
                args[p + 5] = s[2];
                args[p + 6] = s[3];
                args[p + 7] = s[4];
            }
            sql.Append("""
                 ON CONFLICT ("camera_id", "granularity", "bucket_start") DO UPDATE SET
                  "people" = "compliance_buckets"."people" + excluded."people",
                  "masked" = "compliance_buckets"."masked" + excluded."masked",
                  "unmasked" = "compliance_buckets"."unmasked" + excluded."unmasked",
                  "unknown" = "compliance_buckets"."unknown" + excluded."unknown",
                  "incorrect" = "compliance_buckets"."incorrect" + excluded."incorrect"
                """);
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), args, cancellationToken).ConfigureAwait(false);
        }
        return fresh.Count;
    }

    /// <summary>The UTC start of the minute, hour or day holding <paramref name="time"/>.</summary>
    internal static DateTime Floor(DateTimeOffset time, BucketSize size)
    {
        var minute = StorageTime.FloorToMinute(time);
        return size switch
        {
            BucketSize.Hour => new DateTime(minute.Ticks - minute.Ticks % TimeSpan.TicksPerHour, DateTimeKind.Utc),
            BucketSize.Day => new DateTime(minute.Ticks - minute.Ticks % TimeSpan.TicksPerDay, DateTimeKind.Utc),
            _ => minute,
        };
    }

    private sealed class BucketKeyComparer : IComparer<(string Camera, int Granularity, DateTime Start)>
    {
        public static readonly BucketKeyComparer Instance = new();

        public int Compare((string Camera, int Granularity, DateTime Start) x, (string Camera, int Granularity, DateTime Start) y)
        {
            var c = string.CompareOrdinal(x.Camera, y.Camera);
            if (c != 0) return c;
            c = x.Granularity.CompareTo(y.Granularity);
            return c != 0 ? c : x.Start.CompareTo(y.Start);
        }
    }
}

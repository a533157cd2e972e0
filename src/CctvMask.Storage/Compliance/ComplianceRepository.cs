using CctvMask.Storage.Cameras;
using CctvMask.Storage.Database;
using CctvMask.Storage.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CctvMask.Storage.Compliance;

/// <summary>
/// Compliance counts per minute, hour and day (singleton; a short-lived DbContext per call).
/// <code>
/// Task&lt;IReadOnlyList&lt;CompliancePoint&gt;&gt; GetSeriesAsync(string cameraId, DateTimeOffset from, DateTimeOffset to, BucketSize bucket, CancellationToken ct = default)
/// Task&lt;IReadOnlyList&lt;CameraComplianceSummary&gt;&gt; GetFleetSummaryAsync(DateTimeOffset now, CancellationToken ct = default)
/// Task&lt;int&gt; ApplyAsync(IReadOnlyCollection&lt;ComplianceDelta&gt; deltas, CancellationToken ct = default)  // idempotent by EventId
/// </code>
/// Series are sparse (buckets with no data are absent), ascending, [from, to), UTC-aligned. Before this
/// schema had hour and day rows (migration IncidentsAndUniquePeoplePerPeriod) only minutes were counted; hour and day
/// series start at the migration.
/// </summary>
public sealed class ComplianceRepository(
    CctvDbContextFactory factory, IOptions<StorageOptions> options, TimeProvider timeProvider)
{
    private const int MinutesPerDay = 1440;
    private readonly StorageOptions _options = options.Value;

    /// <summary>
    /// One camera's buckets of size <paramref name="bucket"/> in [from, to), as stored: hour and day rows
    /// are unique people per hour or day counted by the pipeline, not sums of minutes.
    /// </summary>
    public async Task<IReadOnlyList<CompliancePoint>> GetSeriesAsync(
        string cameraId, DateTimeOffset from, DateTimeOffset to, BucketSize bucket, CancellationToken cancellationToken = default)
    {
        if (!CameraRepository.IsValidId(cameraId))
            throw new ArgumentException($"Camera id '{cameraId}' is invalid.", nameof(cameraId));
        if (from >= to)
            throw new ArgumentException("From must be before To.", nameof(from));
        var width = bucket switch
        {
            BucketSize.Minute => TimeSpan.FromMinutes(1),
            BucketSize.Hour => TimeSpan.FromHours(1),
            BucketSize.Day => TimeSpan.FromDays(1),
            _ => throw new ArgumentException($"Unknown bucket size '{bucket}'.", nameof(bucket)),
        };
        if ((to - from).Ticks / width.Ticks > _options.MaxSeriesPoints)
            throw new ArgumentException(
                $"The range holds more than {_options.MaxSeriesPoints} {bucket.ToString().ToLowerInvariant()} buckets; use a larger bucket or a shorter range.",
                nameof(bucket));

        // The bucket holding `from` belongs to the range (its start may be before `from`).
        var fromDb = ComplianceUpsert.Floor(from, bucket);
        var toDb = StorageTime.ToDb(to);
        var granularity = (int)bucket;
        await using var db = factory.CreateDbContext();
        var rows = await db.ComplianceBuckets
            .Where(b => b.CameraId == cameraId && b.Granularity == granularity && b.BucketStart >= fromDb && b.BucketStart < toDb)
            .OrderBy(b => b.BucketStart)
            .Select(b => new { b.BucketStart, b.People, b.Masked, b.Unmasked, b.Unknown, b.Incorrect })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new CompliancePoint(StorageTime.FromDb(r.BucketStart), r.People, r.Masked, r.Unmasked, r.Unknown, r.Incorrect))];
    }

    /// <summary>
    /// Every registered camera with people in the last hour and compliance over the last
    /// <see cref="StorageOptions.ComplianceNowMinutes"/> and 24 hours, aggregated in the database.
    /// </summary>
    public async Task<IReadOnlyList<CameraComplianceSummary>> GetFleetSummaryAsync(
        DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var current = StorageTime.FloorToMinute(now);
        var dayStart = current.AddMinutes(1 - MinutesPerDay);
        var nowStart = current.AddMinutes(1 - _options.ComplianceNowMinutes);

        await using var db = factory.CreateDbContext();
        var cameras = await db.Cameras.OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Name, c.Enabled })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var minute = (int)BucketSize.Minute;
        var sums = await db.ComplianceBuckets
            .Where(b => b.Granularity == minute && b.BucketStart >= dayStart && b.BucketStart <= current)
            .GroupBy(b => b.CameraId)
            .Select(g => new
            {
                CameraId = g.Key,
                MaskedNow = g.Sum(b => b.BucketStart >= nowStart ? b.Masked : 0L),
                UnmaskedNow = g.Sum(b => b.BucketStart >= nowStart ? b.Unmasked : 0L),
                MaskedDay = g.Sum(b => b.Masked),
                UnmaskedDay = g.Sum(b => b.Unmasked),
                Last = g.Max(b => b.BucketStart),
            })
            .ToDictionaryAsync(s => s.CameraId, cancellationToken).ConfigureAwait(false);
        // Unique people of the current UTC hour and day, as the pipeline counted them.
        var hour = (int)BucketSize.Hour;
        var day = (int)BucketSize.Day;
        var thisHour = ComplianceUpsert.Floor(now, BucketSize.Hour);
        var today = ComplianceUpsert.Floor(now, BucketSize.Day);
        var unique = await db.ComplianceBuckets
            .Where(b => (b.Granularity == hour && b.BucketStart == thisHour) || (b.Granularity == day && b.BucketStart == today))
            .Select(b => new { b.CameraId, b.Granularity, b.People })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        long People(string camera, int granularity) =>
            unique.FirstOrDefault(u => u.CameraId == camera && u.Granularity == granularity)?.People ?? 0;

        var result = new List<CameraComplianceSummary>(cameras.Count);
        foreach (var c in cameras)
        {
            if (sums.TryGetValue(c.Id, out var s))
                result.Add(new CameraComplianceSummary(
                    c.Id, c.Name, c.Enabled, People(c.Id, hour), People(c.Id, day),
                    Ratio(s.MaskedNow, s.UnmaskedNow), Ratio(s.MaskedDay, s.UnmaskedDay), StorageTime.FromDb(s.Last)));
            else
                result.Add(new CameraComplianceSummary(c.Id, c.Name, c.Enabled, People(c.Id, hour), People(c.Id, day), null, null, null));
        }
        return result;
    }

    /// <summary>
    /// Adds each delta whose <see cref="ComplianceDelta.EventId"/> was not applied before, in one
    /// transaction: the ids go into <c>applied_events</c> (insert-if-absent) and only new ids add
    /// their counts to the buckets (atomic upsert, safe with several writers; see
    /// <see cref="ComplianceUpsert"/>). Returns deltas applied.
    /// </summary>
    public async Task<int> ApplyAsync(IReadOnlyCollection<ComplianceDelta> deltas, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deltas);
        if (deltas.Count == 0) return 0;
        await using var db = factory.CreateDbContext();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var applied = await ComplianceUpsert.ApplyAsync(
            db, deltas, StorageTime.ToDb(timeProvider.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return applied;
    }

    internal static void Validate(ComplianceDelta delta)
    {
        ArgumentNullException.ThrowIfNull(delta);
        if (delta.EventId == Guid.Empty)
            throw new ArgumentException("Compliance delta EventId must not be empty.", nameof(delta));
        if (!CameraRepository.IsValidId(delta.CameraId))
            throw new ArgumentException($"Compliance delta camera id '{delta.CameraId}' is invalid.", nameof(delta));
        if (!Enum.IsDefined(delta.Granularity))
            throw new ArgumentException($"Unknown bucket size '{delta.Granularity}'.", nameof(delta));
        // Hour and day deltas are changes of a running unique count: a class may shrink, people never do.
        if (delta.People < 0 || (delta.Granularity == BucketSize.Minute && (delta.Masked < 0 || delta.Unmasked < 0 || delta.Unknown < 0 || delta.Incorrect < 0)))
            throw new ArgumentException("Compliance delta counts must be ≥ 0.", nameof(delta));
    }

    private static double? Ratio(long masked, long unmasked) =>
        masked + unmasked > 0 ? (double)masked / (masked + unmasked) : null;
}

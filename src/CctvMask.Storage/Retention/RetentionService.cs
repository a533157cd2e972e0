using CctvMask.Storage.Audit;
using CctvMask.Storage.Database;
using CctvMask.Storage.Privacy;
using CctvMask.Storage.Hosting;
using CctvMask.Storage.WriteBehind;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CctvMask.Storage.Retention;

/// <summary>
/// Deletes violations (and their snapshots) older than <see cref="StorageOptions.RetentionDays"/>
/// and compliance event ids older than <see cref="StorageOptions.AppliedEventRetentionDays"/>,
/// and minute compliance buckets older than <see cref="StorageOptions.ComplianceRetentionDays"/>,
/// audit lines older than <see cref="StorageOptions.AuditRetentionDays"/>, every <see cref="StorageOptions.RetentionInterval"/>.
/// A camera's own retention (<c>cameras.retention_days</c>) replaces the global one for its violations, and each
/// sweep re-applies every camera's privacy mode (<see cref="PrivacyPurger"/>), finishing a purge that failed.
/// <code>
/// Task&lt;RetentionResult&gt; RunOnceAsync(DateTimeOffset now, CancellationToken ct = default)
/// </code>
/// </summary>
public sealed class RetentionService(
    CctvDbContextFactory factory,
    PrivacyPurger purger,
    IOptions<StorageOptions> options,
    StorageMetrics metrics,
    ILogger<RetentionService> logger,
    TimeProvider timeProvider) : BackgroundService
{
    private readonly StorageOptions _options = options.Value;

    /// <summary>One sweep relative to <paramref name="now"/>, in one transaction.</summary>
    public async Task<RetentionResult> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var cutoff = now - TimeSpan.FromDays(_options.RetentionDays);
        var cutoffDb = StorageTime.ToDb(cutoff);
        var eventCutoffDb = StorageTime.ToDb(now - TimeSpan.FromDays(_options.AppliedEventRetentionDays));
        var bucketCutoffDb = StorageTime.ToDb(now - TimeSpan.FromDays(_options.ComplianceRetentionDays));

        var purged = await purger.PurgeAllAsync(cancellationToken).ConfigureAwait(false);
        await using var db = factory.CreateDbContext();
        var own = await db.Cameras.Where(c => c.RetentionDays != null).Select(c => new { c.Id, Days = c.RetentionDays!.Value })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var ownIds = own.ConvertAll(c => c.Id);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Snapshots first and explicitly: no reliance on the provider enforcing ON DELETE CASCADE.
        var snapshots = await db.Snapshots
            .Where(s => db.Violations.Any(v => v.Id == s.ViolationId && v.OccurredAt < cutoffDb && !ownIds.Contains(v.CameraId)))
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var violations = await db.Violations.Where(v => v.OccurredAt < cutoffDb && !ownIds.Contains(v.CameraId))
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        foreach (var camera in own)
        {
            var cameraCutoff = StorageTime.ToDb(now - TimeSpan.FromDays(camera.Days));
            snapshots += await db.Snapshots
                .Where(s => db.Violations.Any(v => v.Id == s.ViolationId && v.CameraId == camera.Id && v.OccurredAt < cameraCutoff))
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            violations += await db.Violations.Where(v => v.CameraId == camera.Id && v.OccurredAt < cameraCutoff)
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }
        var audit = await AuditRepository.DeleteOlderThanAsync(db, now - TimeSpan.FromDays(_options.AuditRetentionDays), cancellationToken)
            .ConfigureAwait(false);
        // Incidents left without a violation (aged out per camera, or purged by a stricter privacy mode) go too.
        await db.Incidents.Where(i => !db.Violations.Any(v => v.IncidentId == i.Id))
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var events = await db.AppliedEvents.Where(a => a.AppliedAt < eventCutoffDb)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var buckets = await db.ComplianceBuckets.Where(b => b.BucketStart < bucketCutoffDb)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);

        metrics.RetentionDeleted.Add(violations, new KeyValuePair<string, object?>("table", "violations"));
        metrics.RetentionDeleted.Add(snapshots, new KeyValuePair<string, object?>("table", "violation_snapshots"));
        metrics.RetentionDeleted.Add(events, new KeyValuePair<string, object?>("table", "applied_events"));
        metrics.RetentionDeleted.Add(buckets, new KeyValuePair<string, object?>("table", "compliance_buckets"));
        metrics.RetentionDeleted.Add(audit, new KeyValuePair<string, object?>("table", "audit_log"));
        StorageLog.RetentionDone(logger, violations, snapshots, events, buckets, cutoff);
        if (purged.Any) StorageLog.PrivacyPurged(logger, purged.ViolationsDeleted, purged.SnapshotsDeleted, purged.FaceCropsDeleted);
        return new RetentionResult(violations, snapshots, events, buckets, cutoff, audit,
            purged.ViolationsDeleted + purged.SnapshotsDeleted + purged.FaceCropsDeleted);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.RetentionInterval, timeProvider);
        do
        {
            try
            {
                await RunOnceAsync(timeProvider.GetUtcNow(), stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // A failed sweep (e.g. database down) is retried at the next tick.
                StorageLog.RetentionFailed(logger, ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

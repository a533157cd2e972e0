using CctvMask.Storage.Database;
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
/// every <see cref="StorageOptions.RetentionInterval"/>.
/// <code>
/// Task&lt;RetentionResult&gt; RunOnceAsync(DateTimeOffset now, CancellationToken ct = default)
/// </code>
/// </summary>
public sealed class RetentionService(
    CctvDbContextFactory factory,
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

        await using var db = factory.CreateDbContext();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Snapshots first and explicitly: no reliance on the provider enforcing ON DELETE CASCADE.
        var snapshots = await db.Snapshots
            .Where(s => db.Violations.Any(v => v.Id == s.ViolationId && v.OccurredAt < cutoffDb))
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var violations = await db.Violations.Where(v => v.OccurredAt < cutoffDb)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        // An incident whose last violation is past the cutoff has no violation left.
        await db.Incidents.Where(i => i.LastAt < cutoffDb)
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
        StorageLog.RetentionDone(logger, violations, snapshots, events, buckets, cutoff);
        return new RetentionResult(violations, snapshots, events, buckets, cutoff);
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

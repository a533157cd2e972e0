using CctvMask.Storage.Alerts.Entities;
using CctvMask.Storage.Database;
using Microsoft.EntityFrameworkCore;

namespace CctvMask.Storage.Alerts;

/// <summary>
/// The alert outbox: events, their deliveries and every delivery attempt (singleton).
/// <code>
/// Task RecordAsync(AlertEvent e, IReadOnlyCollection&lt;AlertDeliveryTarget&gt; targets, CancellationToken ct = default) // one transaction; idempotent by event id
/// Task&lt;IReadOnlyList&lt;AlertEvent&gt;&gt; ListEventsAsync(int limit, CancellationToken ct = default)                    // newest first
/// Task&lt;AlertEvent?&gt; GetEventAsync(Guid id, CancellationToken ct = default)
/// Task&lt;IReadOnlyList&lt;AlertDelivery&gt;&gt; ListDeliveriesAsync(Guid? eventId, int limit, CancellationToken ct = default) // newest first
/// Task&lt;IReadOnlyList&lt;AlertDeliveryAttempt&gt;&gt; ListAttemptsAsync(Guid deliveryId, CancellationToken ct = default)
/// Task&lt;IReadOnlyList&lt;AlertDelivery&gt;&gt; GetDueAsync(DateTimeOffset now, int limit, CancellationToken ct = default)   // pending, due, oldest first
/// Task RecordAttemptAsync(Guid deliveryId, AlertDeliveryAttempt attempt, AlertDeliveryStatus status, DateTimeOffset nextAttemptAt, CancellationToken ct = default)
/// Task&lt;int&gt; PurgeAsync(DateTimeOffset before, CancellationToken ct = default)                                        // events (and deliveries) older
/// </code>
/// Deliveries are rows, not memory: a restart resumes them where they were.
/// </summary>
public sealed class AlertEventRepository(CctvDbContextFactory factory, TimeProvider timeProvider)
{
    /// <summary>Stores the event and a pending delivery per target, due now. A second call with the same event id changes nothing.</summary>
    public async Task RecordAsync(AlertEvent alert, IReadOnlyCollection<AlertDeliveryTarget> targets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(targets);
        var now = StorageTime.ToDb(timeProvider.GetUtcNow());
        await using var db = factory.CreateDbContext();
        if (await db.Set<AlertEventEntity>().AnyAsync(e => e.Id == alert.Id, cancellationToken).ConfigureAwait(false)) return;
        db.Add(new AlertEventEntity
        {
            Id = alert.Id, RuleId = alert.RuleId, RuleName = Truncate(alert.RuleName, AlertLimits.NameMaxLength), Kind = alert.Kind,
            CameraId = alert.CameraId, Status = alert.Status, OccurredAt = StorageTime.ToDb(alert.OccurredAt),
            Value = alert.Value, Payload = alert.Payload,
        });
        foreach (var target in targets)
        {
            db.Add(new AlertDeliveryEntity
            {
                Id = Guid.CreateVersion7(), EventId = alert.Id, RuleId = alert.RuleId, Channel = target.Channel,
                Target = Truncate(target.Target, AlertLimits.TargetMaxLength), Status = AlertDeliveryStatus.Pending,
                CreatedAt = now, NextAttemptAt = now,
            });
        }
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AlertEvent>> ListEventsAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var db = factory.CreateDbContext();
        var rows = await db.Set<AlertEventEntity>().OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Take(limit).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ConvertAll(ToRecord);
    }

    public async Task<AlertEvent?> GetEventAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var row = await db.Set<AlertEventEntity>().FirstOrDefaultAsync(e => e.Id == id, cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToRecord(row);
    }

    public async Task<IReadOnlyList<AlertDelivery>> ListDeliveriesAsync(Guid? eventId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var db = factory.CreateDbContext();
        var query = db.Set<AlertDeliveryEntity>().AsQueryable();
        if (eventId is { } id) query = query.Where(d => d.EventId == id);
        var rows = await query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Take(limit).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ConvertAll(ToRecord);
    }

    public async Task<IReadOnlyList<AlertDeliveryAttempt>> ListAttemptsAsync(Guid deliveryId, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var rows = await db.Set<AlertDeliveryAttemptEntity>().Where(a => a.DeliveryId == deliveryId).OrderBy(a => a.Number)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ConvertAll(a => new AlertDeliveryAttempt(a.DeliveryId, a.Number, StorageTime.FromDb(a.At), a.Succeeded, a.StatusCode, a.Error));
    }

    /// <summary>Pending deliveries due at <paramref name="now"/>, oldest first.</summary>
    public async Task<IReadOnlyList<AlertDelivery>> GetDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var at = StorageTime.ToDb(now);
        await using var db = factory.CreateDbContext();
        var rows = await db.Set<AlertDeliveryEntity>()
            .Where(d => d.Status == AlertDeliveryStatus.Pending && d.NextAttemptAt <= at)
            .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id)
            .Take(limit).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ConvertAll(ToRecord);
    }

    /// <summary>Appends an attempt and moves the delivery to <paramref name="status"/> (pending ones wait until <paramref name="nextAttemptAt"/>).</summary>
    public async Task RecordAttemptAsync(
        Guid deliveryId, AlertDeliveryAttempt attempt, AlertDeliveryStatus status, DateTimeOffset nextAttemptAt,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var at = StorageTime.ToDb(attempt.At);
        var error = attempt.Error is null ? null : Truncate(attempt.Error, AlertLimits.ErrorMaxLength);
        await using var db = factory.CreateDbContext();
        var row = await db.Set<AlertDeliveryEntity>().AsTracking().FirstOrDefaultAsync(d => d.Id == deliveryId, cancellationToken).ConfigureAwait(false);
        if (row is null) return;
        row.Attempts = Math.Max(row.Attempts, attempt.Number);
        row.Status = status;
        row.LastAttemptAt = at;
        row.LastStatusCode = attempt.StatusCode;
        row.LastError = error;
        row.NextAttemptAt = StorageTime.ToDb(nextAttemptAt);
        if (status == AlertDeliveryStatus.Delivered) row.DeliveredAt = at;
        db.Add(new AlertDeliveryAttemptEntity
        {
            DeliveryId = deliveryId, Number = attempt.Number, At = at, Succeeded = attempt.Succeeded,
            StatusCode = attempt.StatusCode, Error = error,
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes events that occurred before <paramref name="before"/>, their deliveries and attempts with them.</summary>
    public async Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        var cutoff = StorageTime.ToDb(before);
        await using var db = factory.CreateDbContext();
        var old = db.Set<AlertEventEntity>().Where(e => e.OccurredAt < cutoff).Select(e => e.Id);
        var deliveries = db.Set<AlertDeliveryEntity>().Where(d => old.Contains(d.EventId)).Select(d => d.Id);
        await db.Set<AlertDeliveryAttemptEntity>().Where(a => deliveries.Contains(a.DeliveryId)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.Set<AlertDeliveryEntity>().Where(d => old.Contains(d.EventId)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        return await db.Set<AlertEventEntity>().Where(e => e.OccurredAt < cutoff).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];

    private static AlertEvent ToRecord(AlertEventEntity e) => new(
        e.Id, e.RuleId, e.RuleName, e.Kind, e.CameraId, e.Status, StorageTime.FromDb(e.OccurredAt), e.Value, e.Payload);

    private static AlertDelivery ToRecord(AlertDeliveryEntity d) => new(
        d.Id, d.EventId, d.RuleId, d.Channel, d.Target, d.Status, d.Attempts, StorageTime.FromDb(d.CreatedAt),
        StorageTime.FromDb(d.NextAttemptAt), d.LastAttemptAt is { } l ? StorageTime.FromDb(l) : null,
        d.DeliveredAt is { } x ? StorageTime.FromDb(x) : null, d.LastStatusCode, d.LastError);
}

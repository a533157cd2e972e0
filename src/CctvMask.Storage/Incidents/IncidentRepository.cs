using CctvMask.Storage.Cameras;
using CctvMask.Storage.Database;
using CctvMask.Storage.Database.Entities;
using CctvMask.Storage.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CctvMask.Storage.Incidents;

/// <summary>
/// Incidents: listing, one by id, and the operator's review (singleton; a short-lived DbContext per call).
/// Violations are grouped into incidents as they are written (<see cref="Violations.ViolationRepository.InsertAsync"/>).
/// </summary>
public sealed class IncidentRepository(CctvDbContextFactory factory, IOptions<StorageOptions> options)
{
    private readonly int _maxPageSize = options.Value.MaxPageSize;

    /// <summary>A page of incidents, newest activity first, with the total count of the filter.</summary>
    public async Task<IncidentPage> GetPageAsync(IncidentQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Offset < 0) throw new ArgumentException("Offset must be ≥ 0.", nameof(query));
        if (query.Limit < 1 || query.Limit > _maxPageSize)
            throw new ArgumentException($"Limit must be in 1..{_maxPageSize}.", nameof(query));
        if (query.From is { } f && query.To is { } t && f > t)
            throw new ArgumentException("From must not be after To.", nameof(query));

        await using var db = factory.CreateDbContext();
        var rows = db.Incidents.AsQueryable();
        if (query.CameraId is { } camera) rows = rows.Where(i => i.CameraId == camera);
        if (query.State is { } state)
        {
            var value = (int)state;
            rows = rows.Where(i => i.State == value);
        }
        if (query.From is { } from)
        {
            var fromDb = StorageTime.ToDb(from);
            rows = rows.Where(i => i.LastAt >= fromDb);
        }
        if (query.To is { } to)
        {
            var toDb = StorageTime.ToDb(to);
            rows = rows.Where(i => i.StartedAt < toDb);
        }
        var total = await rows.CountAsync(cancellationToken).ConfigureAwait(false);
        var items = await rows.OrderByDescending(i => i.LastAt).ThenByDescending(i => i.Id)
            .Skip(query.Offset).Take(query.Limit)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new IncidentPage([.. items.Select(ToSummary)], total, query.Offset, query.Limit);
    }

    /// <summary>One incident, or null.</summary>
    public async Task<IncidentSummary?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var row = await db.Incidents.FirstOrDefaultAsync(i => i.Id == id, cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToSummary(row);
    }

    /// <summary>Records the operator's review (the latest review wins); null when the incident does not exist.</summary>
    public async Task<IncidentSummary?> ReviewAsync(Guid id, IncidentReview review, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentException.ThrowIfNullOrWhiteSpace(review.ReviewedBy);
        if (review.ReviewedBy.Length > IncidentLimits.ReviewerMaxLength)
            throw new ArgumentException($"The reviewer name is longer than {IncidentLimits.ReviewerMaxLength} characters.", nameof(review));
        if (review.Note is { Length: > IncidentLimits.NoteMaxLength })
            throw new ArgumentException($"The note is longer than {IncidentLimits.NoteMaxLength} characters.", nameof(review));
        if (!Enum.IsDefined(review.State))
            throw new ArgumentException($"Unknown incident state '{review.State}'.", nameof(review));

        await using var db = factory.CreateDbContext();
        var row = await db.Incidents.AsTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken).ConfigureAwait(false);
        if (row is null) return null;
        row.State = (int)review.State;
        row.ReviewedBy = review.ReviewedBy;
        row.ReviewedAt = StorageTime.ToDb(review.ReviewedAt);
        row.ReviewNote = review.Note;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return ToSummary(row);
    }

    /// <summary>
    /// Puts each new violation into its camera's open incident or a new one (inside the caller's unit of
    /// work; nothing is saved here). Violations are taken in time order per camera.
    /// </summary>
    internal static async Task AssignAsync(CctvDbContext db, IEnumerable<ViolationEntity> fresh, TimeSpan window, CancellationToken cancellationToken)
    {
        foreach (var camera in fresh.GroupBy(v => v.CameraId, StringComparer.Ordinal))
        {
            if (!CameraRepository.IsValidId(camera.Key)) continue;
            var current = await db.Incidents.AsTracking().Where(i => i.CameraId == camera.Key)
                .OrderByDescending(i => i.LastAt).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            foreach (var v in camera.OrderBy(v => v.OccurredAt))
            {
                var at = StorageTime.FromDb(v.OccurredAt);
                if (current is null || !IncidentGrouping.Joins((IncidentState)current.State,
                        StorageTime.FromDb(current.StartedAt), StorageTime.FromDb(current.LastAt), at, window))
                {
                    current = new IncidentEntity
                    {
                        Id = Guid.CreateVersion7(), CameraId = camera.Key, StartedAt = v.OccurredAt, LastAt = v.OccurredAt,
                        FirstViolationId = v.Id, State = (int)IncidentState.Open,
                    };
                    db.Incidents.Add(current);
                }
                if (v.OccurredAt < current.StartedAt) (current.StartedAt, current.FirstViolationId) = (v.OccurredAt, v.Id);
                if (v.OccurredAt > current.LastAt) current.LastAt = v.OccurredAt;
                current.ViolationCount++;
                v.IncidentId = current.Id;
            }
        }
    }

    private static IncidentSummary ToSummary(IncidentEntity i) => new(
        i.Id, i.CameraId, StorageTime.FromDb(i.StartedAt), StorageTime.FromDb(i.LastAt), i.ViolationCount, i.FirstViolationId,
        (IncidentState)i.State, i.ReviewedBy, i.ReviewedAt is { } r ? StorageTime.FromDb(r) : null, i.ReviewNote);
}

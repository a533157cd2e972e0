using CctvMask.Abstractions.Privacy;
using CctvMask.Storage.Database;
using CctvMask.Storage.Database.Entities;
using CctvMask.Storage.Hosting;
using CctvMask.Storage.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CctvMask.Storage.Violations;

/// <summary>
/// Violation history (singleton; a short-lived DbContext per call).
/// <code>
/// Task&lt;ViolationPage&gt;       GetPageAsync(ViolationQuery query, CancellationToken ct = default)   // newest first, stable paging, total
/// Task&lt;ViolationSummary?&gt;   GetAsync(Guid id, CancellationToken ct = default)
/// Task&lt;byte[]?&gt;             GetFaceJpegAsync(Guid id, CancellationToken ct = default)
/// Task&lt;byte[]?&gt;             GetSnapshotJpegAsync(Guid id, CancellationToken ct = default)      // only this reads violation_snapshots
/// Task&lt;int&gt;                 InsertAsync(IReadOnlyCollection&lt;ViolationRecord&gt; records, CancellationToken ct = default) // insert-if-absent, grouped into incidents; returns new rows
/// </code>
/// Producers normally write through <see cref="WriteBehind.IStorageWriter"/>, not <see cref="InsertAsync"/>.
/// </summary>
public sealed class ViolationRepository(CctvDbContextFactory factory, IOptions<StorageOptions> options)
{
    private readonly int _maxPageSize = options.Value.MaxPageSize;
    private readonly TimeSpan _incidentWindow = TimeSpan.FromSeconds(options.Value.IncidentWindowSeconds);

    /// <summary>A page of violations ordered by time desc, id desc, with the total count of the filter.</summary>
    public async Task<ViolationPage> GetPageAsync(ViolationQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Offset < 0)
            throw new ArgumentException("Offset must be ≥ 0.", nameof(query));
        if (query.Limit < 1 || query.Limit > _maxPageSize)
            throw new ArgumentException($"Limit must be in 1..{_maxPageSize}.", nameof(query));
        if (query.From is { } f && query.To is { } t && f > t)
            throw new ArgumentException("From must not be after To.", nameof(query));

        await using var db = factory.CreateDbContext();
        var rows = db.Violations.AsQueryable();
        if (query.CameraId is { } camera) rows = rows.Where(v => v.CameraId == camera);
        if (query.IncidentId is { } incident) rows = rows.Where(v => v.IncidentId == incident);
        if (query.From is { } from)
        {
            var fromDb = StorageTime.ToDb(from);
            rows = rows.Where(v => v.OccurredAt >= fromDb);
        }
        if (query.To is { } to)
        {
            var toDb = StorageTime.ToDb(to);
            rows = rows.Where(v => v.OccurredAt < toDb);
        }

        var total = await rows.CountAsync(cancellationToken).ConfigureAwait(false);
        var items = await rows
            .OrderByDescending(v => v.OccurredAt).ThenByDescending(v => v.Id)
            .Skip(query.Offset).Take(query.Limit)
            .Select(v => new ViolationSummary(
                v.Id, v.CameraId, StorageTime.FromDb(v.OccurredAt), v.TrackId, v.Confidence,
                new FaceBox(v.FaceX, v.FaceY, v.FaceWidth, v.FaceHeight), v.HasSnapshot, v.IncidentId, v.Kind))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new ViolationPage(items, total, query.Offset, query.Limit);
    }

    /// <summary>One violation without images, or null.</summary>
    public async Task<ViolationSummary?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.Violations.Where(v => v.Id == id)
            .Select(v => new ViolationSummary(
                v.Id, v.CameraId, StorageTime.FromDb(v.OccurredAt), v.TrackId, v.Confidence,
                new FaceBox(v.FaceX, v.FaceY, v.FaceWidth, v.FaceHeight), v.HasSnapshot, v.IncidentId, v.Kind))
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The best face crop (JPEG), or null when the violation does not exist.</summary>
    public async Task<byte[]?> GetFaceJpegAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.Violations.Where(v => v.Id == id).Select(v => v.FaceJpeg)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The full-frame snapshot (JPEG), or null when there is none.</summary>
    public async Task<byte[]?> GetSnapshotJpegAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.Snapshots.Where(s => s.ViolationId == id).Select(s => s.Jpeg)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Inserts the records whose ids are not stored yet (one transaction); duplicates, within the
    /// batch or already stored, are skipped. Returns the number of new rows.
    /// </summary>
    public async Task<int> InsertAsync(IReadOnlyCollection<ViolationRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0) return 0;
        var unique = new Dictionary<Guid, ViolationRecord>(records.Count);
        foreach (var r in records) unique.TryAdd(r.EventId, r);

        await using var db = factory.CreateDbContext();
        var ids = unique.Keys.ToList();
        var existing = await db.Violations.Where(v => ids.Contains(v.Id)).Select(v => v.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var id in existing) unique.Remove(id);
        if (unique.Count == 0) return 0;

        // Evidence raised before a camera's privacy mode changed may still be buffered: it obeys the new mode.
        var cameraIds = unique.Values.Select(r => r.CameraId).Distinct().ToList();
        var privacy = await db.Cameras.Where(c => cameraIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.PrivacyMode, cancellationToken).ConfigureAwait(false);
        var fresh = new List<ViolationEntity>(unique.Count);
        foreach (var r in unique.Values)
        {
            // A deleted camera's late evidence keeps the mode it was raised under.
            if (PrivacyFilter.Apply(r, privacy.GetValueOrDefault(r.CameraId)) is { } kept) fresh.Add(ToEntity(kept));
        }
        if (fresh.Count == 0) return 0;
        db.Violations.AddRange(fresh);
        await IncidentRepository.AssignAsync(db, fresh, _incidentWindow, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return fresh.Count;
    }

    internal static void Validate(ViolationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.EventId == Guid.Empty)
            throw new ArgumentException("Violation EventId must not be empty.", nameof(record));
        if (!Cameras.CameraRepository.IsValidId(record.CameraId))
            throw new ArgumentException($"Violation camera id '{record.CameraId}' is invalid.", nameof(record));
        if (!float.IsFinite(record.Confidence))
            throw new ArgumentException("Violation Confidence must be a finite number.", nameof(record));
        if (record.FaceJpeg is null)
            throw new ArgumentException("Violation FaceJpeg is required.", nameof(record));
    }

    private static ViolationEntity ToEntity(ViolationRecord r) => new()
    {
        Id = r.EventId,
        CameraId = r.CameraId,
        OccurredAt = StorageTime.ToDb(r.OccurredAt),
        TrackId = r.TrackId,
        Confidence = r.Confidence,
        FaceX = r.Face.X,
        FaceY = r.Face.Y,
        FaceWidth = r.Face.Width,
        FaceHeight = r.Face.Height,
        FaceJpeg = r.FaceJpeg,
        HasSnapshot = r.SnapshotJpeg is not null,
        PrivacyMode = PrivacyModes.Name(r.Privacy),
        Kind = Abstractions.Violations.ViolationKinds.ToName(r.Kind),
        Snapshot = r.SnapshotJpeg is { } jpeg ? new ViolationSnapshotEntity { ViolationId = r.EventId, Jpeg = jpeg } : null,
    };
}

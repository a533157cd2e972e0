using System.Text.Json;
using CctvMask.Abstractions.Privacy;
using CctvMask.Storage.Database;
using CctvMask.Storage.Database.Entities;
using Microsoft.EntityFrameworkCore;

namespace CctvMask.Storage.Cameras;

/// <summary>
/// Camera CRUD (singleton; each call uses its own short-lived DbContext).
/// <code>
/// Task&lt;IReadOnlyList&lt;CameraRecord&gt;&gt; ListAsync(bool enabledOnly = false, CancellationToken ct = default)  // ordered by id
/// Task&lt;CameraRecord?&gt; GetAsync(string id, CancellationToken ct = default)
/// Task&lt;CameraRecord&gt;  CreateAsync(string id, CameraSpec spec, CancellationToken ct = default)       // DuplicateCameraException, ArgumentException
/// Task&lt;CameraRecord?&gt; UpdateAsync(string id, CameraSpec spec, CancellationToken ct = default)       // null when missing
/// Task&lt;bool&gt;          SetEnabledAsync(string id, bool enabled, CancellationToken ct = default)     // false when missing
/// Task&lt;bool&gt;          DeleteAsync(string id, CancellationToken ct = default)                       // false when missing
/// static bool IsValidId(string? id)
/// </code>
/// Deleting a camera keeps its violations and compliance history (retention removes them later).
/// </summary>
public sealed class CameraRepository(CctvDbContextFactory factory, TimeProvider timeProvider)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>True when <paramref name="id"/> is a valid camera id (slug: a-z, 0-9, '-', '_', up to 64).</summary>
    public static bool IsValidId(string? id) => CameraValidator.IsValidId(id);

    /// <summary>All cameras (or only enabled ones), ordered by id.</summary>
    public async Task<IReadOnlyList<CameraRecord>> ListAsync(bool enabledOnly = false, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var query = db.Cameras.AsQueryable();
        if (enabledOnly) query = query.Where(c => c.Enabled);
        var rows = await query.OrderBy(c => c.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ConvertAll(ToRecord);
    }

    /// <summary>The camera, or null when there is none with this id.</summary>
    public async Task<CameraRecord?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!CameraValidator.IsValidId(id)) return null;
        await using var db = factory.CreateDbContext();
        var row = await db.Cameras.FirstOrDefaultAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToRecord(row);
    }

    /// <summary>Adds a camera; throws <see cref="DuplicateCameraException"/> when the id is taken.</summary>
    public async Task<CameraRecord> CreateAsync(string id, CameraSpec spec, CancellationToken cancellationToken = default)
    {
        CameraValidator.ValidateId(id);
        CameraValidator.Validate(spec);
        var now = StorageTime.ToDb(timeProvider.GetUtcNow());
        var row = new CameraEntity { Id = id, Name = spec.Name, Url = spec.Url, CreatedAt = now, UpdatedAt = now };
        Apply(row, spec, now);
        await using var db = factory.CreateDbContext();
        if (await db.Cameras.AnyAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false))
            throw new DuplicateCameraException(id);
        db.Cameras.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Lost a race with another create of the same id?
            if (await ExistsAsync(id, cancellationToken).ConfigureAwait(false))
                throw new DuplicateCameraException(id);
            throw;
        }
        return ToRecord(row);
    }

    /// <summary>Replaces a camera's settings; null when it does not exist.</summary>
    public async Task<CameraRecord?> UpdateAsync(string id, CameraSpec spec, CancellationToken cancellationToken = default)
    {
        CameraValidator.Validate(spec);
        if (!CameraValidator.IsValidId(id)) return null;
        await using var db = factory.CreateDbContext();
        var row = await db.Cameras.AsTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false);
        if (row is null) return null;
        Apply(row, spec, StorageTime.ToDb(timeProvider.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return ToRecord(row);
    }

    /// <summary>Turns a camera on or off; false when it does not exist.</summary>
    public async Task<bool> SetEnabledAsync(string id, bool enabled, CancellationToken cancellationToken = default)
    {
        if (!CameraValidator.IsValidId(id)) return false;
        var now = StorageTime.ToDb(timeProvider.GetUtcNow());
        await using var db = factory.CreateDbContext();
        var changed = await db.Cameras.Where(c => c.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Enabled, enabled).SetProperty(c => c.UpdatedAt, now), cancellationToken)
            .ConfigureAwait(false);
        return changed > 0;
    }

    /// <summary>Removes a camera; false when it does not exist. Its history stays until retention.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!CameraValidator.IsValidId(id)) return false;
        await using var db = factory.CreateDbContext();
        return await db.Cameras.Where(c => c.Id == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    private async Task<bool> ExistsAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        return await db.Cameras.AnyAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false);
    }

    private static void Apply(CameraEntity row, CameraSpec spec, DateTime now)
    {
        row.Name = spec.Name;
        row.Url = spec.Url;
        row.Enabled = spec.Enabled;
        row.DetectFps = spec.DetectFps;
        row.AnalysisWidth = spec.AnalysisWidth;
        row.AnalysisHeight = spec.AnalysisHeight;
        row.ZonesJson = JsonSerializer.Serialize(spec.Zones ?? [], JsonOptions);
        row.MotionGating = spec.MotionGating;
        row.SmallFacePass = spec.SmallFacePass;
        row.SmallFaceLongSide = spec.SmallFaceLongSide;
        row.PrivacyMode = PrivacyModes.Name(spec.Privacy);
        row.RetentionDays = spec.RetentionDays;
        row.UpdatedAt = now;
    }

    private static CameraRecord ToRecord(CameraEntity row) => new(
        row.Id, row.Name, row.Url, row.Enabled, row.DetectFps, row.AnalysisWidth, row.AnalysisHeight,
        JsonSerializer.Deserialize<List<CameraZone>>(row.ZonesJson, JsonOptions) ?? [],
        row.MotionGating, row.SmallFacePass, row.SmallFaceLongSide,
        StorageTime.FromDb(row.CreatedAt), StorageTime.FromDb(row.UpdatedAt),
        PrivacyOf(row), row.RetentionDays);

    // An unknown stored name (a newer server wrote it) reads as the strictest mode, never a laxer one.
    internal static PrivacyMode PrivacyOf(CameraEntity row) =>
        PrivacyModes.TryParse(row.PrivacyMode, out var mode) ? mode : PrivacyMode.Statistics;
}

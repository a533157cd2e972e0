using CctvMask.Abstractions.Privacy;
using CctvMask.Storage.Cameras;
using CctvMask.Storage.Database;
using Microsoft.EntityFrameworkCore;

namespace CctvMask.Storage.Privacy;

/// <summary>
/// Removes what a camera's privacy mode would not have stored (singleton; idempotent, so the retention sweep
/// runs it too and a purge that failed halfway is finished later):
/// <list type="bullet">
/// <item><c>statistics</c>: every violation of the camera, with its snapshot and face crop;</item>
/// <item><c>blurred</c>: every face crop, and every snapshot raised before the switch (it may show faces);</item>
/// <item><c>evidence</c>: nothing.</item>
/// </list>
/// <code>
/// Task&lt;PrivacyPurgeResult&gt; PurgeAsync(string cameraId, CancellationToken ct = default)   // the camera's current mode
/// Task&lt;PrivacyPurgeResult&gt; PurgeAllAsync(CancellationToken ct = default)                 // every camera
/// </code>
/// </summary>
public sealed class PrivacyPurger(CctvDbContextFactory factory)
{
    /// <summary>Purges one camera by its stored mode; <see cref="PrivacyPurgeResult.None"/> for an unknown camera.</summary>
    public async Task<PrivacyPurgeResult> PurgeAsync(string cameraId, CancellationToken cancellationToken = default)
    {
        if (!CameraRepository.IsValidId(cameraId)) return PrivacyPurgeResult.None;
        await using var db = factory.CreateDbContext();
        var stored = await db.Cameras.Where(c => c.Id == cameraId).Select(c => c.PrivacyMode)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (stored is null) return PrivacyPurgeResult.None;
        return await PurgeAsync(db, cameraId, ModeOf(stored), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Purges every camera that is not in evidence mode.</summary>
    public async Task<PrivacyPurgeResult> PurgeAllAsync(CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var evidence = PrivacyModes.Name(PrivacyMode.Evidence);
        var cameras = await db.Cameras.Where(c => c.PrivacyMode != evidence).Select(c => new { c.Id, c.PrivacyMode })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var total = PrivacyPurgeResult.None;
        foreach (var c in cameras)
            total = total.Add(await PurgeAsync(db, c.Id, ModeOf(c.PrivacyMode), cancellationToken).ConfigureAwait(false));
        return total;
    }

    // Compared as a parameter: byte[].Length does not translate on SQLite.
    private static readonly byte[] NoBytes = [];

    // An unknown stored name (written by a newer server) counts as the strictest mode.
    private static PrivacyMode ModeOf(string stored) =>
        PrivacyModes.TryParse(stored, out var mode) ? mode : PrivacyMode.Statistics;

    private static async Task<PrivacyPurgeResult> PurgeAsync(
        CctvDbContext db, string cameraId, PrivacyMode mode, CancellationToken ct)
    {
        if (mode == PrivacyMode.Evidence) return PrivacyPurgeResult.None;
        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        PrivacyPurgeResult result;
        if (mode == PrivacyMode.Statistics)
        {
            // Snapshots first and explicitly: no reliance on the provider enforcing ON DELETE CASCADE.
            var snapshots = await db.Snapshots
                .Where(s => db.Violations.Any(v => v.Id == s.ViolationId && v.CameraId == cameraId))
                .ExecuteDeleteAsync(ct).ConfigureAwait(false);
            var faces = await db.Violations.CountAsync(v => v.CameraId == cameraId && v.FaceJpeg != NoBytes, ct).ConfigureAwait(false);
            var violations = await db.Violations.Where(v => v.CameraId == cameraId).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            result = new PrivacyPurgeResult(violations, snapshots, faces);
        }
        else
        {
            // Snapshots made in blurred mode have every face pixelated; those made in evidence mode show the violator.
            var evidence = PrivacyModes.Name(PrivacyMode.Evidence);
            var blurred = PrivacyModes.Name(PrivacyMode.Blurred);
            var snapshots = await db.Snapshots
                .Where(s => db.Violations.Any(v => v.Id == s.ViolationId && v.CameraId == cameraId && v.PrivacyMode == evidence))
                .ExecuteDeleteAsync(ct).ConfigureAwait(false);
            var faces = await db.Violations.CountAsync(v => v.CameraId == cameraId && v.PrivacyMode == evidence && v.FaceJpeg != NoBytes, ct)
                .ConfigureAwait(false);
            await db.Violations.Where(v => v.CameraId == cameraId && v.PrivacyMode == evidence)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.HasSnapshot, false)
                    .SetProperty(v => v.FaceJpeg, NoBytes).SetProperty(v => v.PrivacyMode, blurred), ct).ConfigureAwait(false);
            result = new PrivacyPurgeResult(0, snapshots, faces);
        }
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return result;
    }
}

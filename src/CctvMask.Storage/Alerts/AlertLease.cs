using CctvMask.Storage.Alerts.Entities;
using CctvMask.Storage.Database;
using Microsoft.EntityFrameworkCore;

namespace CctvMask.Storage.Alerts;

/// <summary>
/// A named lease in the shared database: at most one holder until it expires, so in a fleet one server
/// evaluates rules and sends deliveries. <see cref="TryAcquireAsync"/> takes a free or expired lease, or
/// renews the caller's own, in one conditional UPDATE (atomic on both providers).
/// </summary>
public sealed class AlertLease(CctvDbContextFactory factory)
{
    /// <summary>True when <paramref name="holder"/> holds <paramref name="name"/> until <paramref name="now"/> + <paramref name="duration"/>.</summary>
    public async Task<bool> TryAcquireAsync(string name, string holder, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(holder);
        if (holder.Length > AlertLimits.HolderMaxLength) holder = holder[..AlertLimits.HolderMaxLength];
        var at = StorageTime.ToDb(now);
        var until = StorageTime.ToDb(now + duration);
        await using var db = factory.CreateDbContext();
        var taken = await db.Set<AlertLeaseEntity>()
            .Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAt < at))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), cancellationToken)
            .ConfigureAwait(false);
        if (taken > 0) return true;
        if (await db.Set<AlertLeaseEntity>().AnyAsync(l => l.Name == name, cancellationToken).ConfigureAwait(false)) return false;
        db.Add(new AlertLeaseEntity { Name = name, Holder = holder, ExpiresAt = until });
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another server inserted it first: it holds the lease.
            return false;
        }
    }

    /// <summary>Gives the lease up if <paramref name="holder"/> holds it (a graceful stop hands over at once).</summary>
    public async Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        await db.Set<AlertLeaseEntity>().Where(l => l.Name == name && l.Holder == holder)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }
}

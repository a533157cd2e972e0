using CctvMask.Storage.Database;
using CctvMask.Storage.Database.Entities;
using CctvMask.Storage.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CctvMask.Storage.Audit;

/// <summary>
/// The audit log (singleton): append, read, and nothing else; rows leave only through <see cref="DeleteOlderThanAsync"/>
/// (the retention sweep, <see cref="StorageOptions.AuditRetentionDays"/>). Appends are written at once, not behind:
/// the caller learns when the line could not be written.
/// <code>
/// Task AppendAsync(AuditEvent e, CancellationToken ct = default)
/// Task&lt;AuditPage&gt; QueryAsync(AuditQuery query, CancellationToken ct = default)    // At desc, Id desc; ArgumentException for a bad page
/// </code>
/// </summary>
public sealed class AuditRepository(CctvDbContextFactory factory, IOptions<StorageOptions> options)
{
    /// <summary>Appends one line (text cut to the column lengths).</summary>
    public async Task AppendAsync(AuditEvent e, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(e);
        await using var db = factory.CreateDbContext();
        db.AuditLog.Add(new AuditEntity
        {
            At = StorageTime.ToDb(e.At),
            KeyName = Cut(e.KeyName, AuditLimits.KeyNameMaxLength)!,
            Role = Cut(e.Role, AuditLimits.RoleMaxLength)!,
            RemoteAddress = Cut(e.RemoteAddress, AuditLimits.RemoteAddressMaxLength),
            Action = Cut(e.Action, AuditLimits.ActionMaxLength)!,
            Target = Cut(e.Target, AuditLimits.TargetMaxLength),
            Outcome = Cut(e.Outcome, AuditLimits.OutcomeMaxLength)!,
            Detail = Cut(e.Detail, AuditLimits.DetailMaxLength),
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A page of lines matching the filter, newest first, with the total count.</summary>
    public async Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Offset < 0) throw new ArgumentException("Offset must not be negative.", nameof(query));
        if (query.Limit < 1 || query.Limit > options.Value.MaxPageSize)
            throw new ArgumentException($"Limit must be between 1 and {options.Value.MaxPageSize}.", nameof(query));
        if (query.From > query.To) throw new ArgumentException("From must not be after To.", nameof(query));

        await using var db = factory.CreateDbContext();
        var rows = db.AuditLog.AsQueryable();
        if (query.From is { } from) { var f = StorageTime.ToDb(from); rows = rows.Where(a => a.At >= f); }
        if (query.To is { } to) { var t = StorageTime.ToDb(to); rows = rows.Where(a => a.At < t); }
        if (query.KeyName is { } key) rows = rows.Where(a => a.KeyName == key);
        if (query.ActionPrefix is { } prefix) rows = rows.Where(a => a.Action.StartsWith(prefix));
        if (query.Target is { } target) rows = rows.Where(a => a.Target == target);
        if (query.Outcome is { } outcome) rows = rows.Where(a => a.Outcome == outcome);

        var total = await rows.CountAsync(cancellationToken).ConfigureAwait(false);
        var page = await rows.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip(query.Offset).Take(query.Limit).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new AuditPage(page.ConvertAll(ToEntry), total, query.Offset, query.Limit);
    }

    /// <summary>Deletes lines older than <paramref name="cutoff"/> (the retention sweep); returns how many.</summary>
    internal static Task<int> DeleteOlderThanAsync(CctvDbContext db, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var c = StorageTime.ToDb(cutoff);
        return db.AuditLog.Where(a => a.At < c).ExecuteDeleteAsync(cancellationToken);
    }

    private static string? Cut(string? value, int max) => value is null || value.Length <= max ? value : value[..max];

    private static AuditEntry ToEntry(AuditEntity a) => new(
        a.Id, StorageTime.FromDb(a.At), a.KeyName, a.Role, a.RemoteAddress, a.Action, a.Target, a.Outcome, a.Detail);
}

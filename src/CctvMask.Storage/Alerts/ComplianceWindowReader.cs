using CctvMask.Storage.Database;
using Microsoft.EntityFrameworkCore;

namespace CctvMask.Storage.Alerts;

/// <summary>Every camera's compliance counts over a window of minute buckets, summed in the database (for the alert rules).</summary>
public sealed class ComplianceWindowReader(CctvDbContextFactory factory)
{
    /// <summary>Sums of the buckets starting in [<paramref name="from"/>, <paramref name="to"/>), per camera with any bucket there.</summary>
    public async Task<IReadOnlyList<ComplianceWindowTotals>> GetTotalsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        if (from >= to) throw new ArgumentException("From must be before To.", nameof(from));
        var start = StorageTime.ToDb(from);
        var end = StorageTime.ToDb(to);
        await using var db = factory.CreateDbContext();
        return await db.ComplianceBuckets
            .Where(b => b.BucketStart >= start && b.BucketStart < end)
            .GroupBy(b => b.CameraId)
            .Select(g => new ComplianceWindowTotals(g.Key, g.Sum(b => (long)b.People), g.Sum(b => (long)b.Masked), g.Sum(b => (long)b.Unmasked)))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }
}

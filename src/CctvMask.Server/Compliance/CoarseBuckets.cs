using CctvMask.Storage.Compliance;

namespace CctvMask.Server.Compliance;

/// <summary>Folds an ascending minute series into wider UTC-aligned buckets (sums, as coarser buckets always are). Pure.</summary>
public static class CoarseBuckets
{
    public static IReadOnlyList<CompliancePoint> Fold(IReadOnlyList<CompliancePoint> minutes, int bucketMinutes)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bucketMinutes);
        var width = TimeSpan.FromMinutes(bucketMinutes).Ticks;
        var folded = new List<CompliancePoint>();
        foreach (var p in minutes)
        {
            var utc = p.Start.UtcTicks;
            var start = new DateTimeOffset(utc - utc % width, TimeSpan.Zero);
            if (folded.Count > 0 && folded[^1].Start == start)
            {
                var last = folded[^1];
                folded[^1] = last with
                {
                    People = last.People + p.People, Masked = last.Masked + p.Masked,
                    Unmasked = last.Unmasked + p.Unmasked, Unknown = last.Unknown + p.Unknown, Incorrect = last.Incorrect + p.Incorrect,
                };
            }
            else
            {
                folded.Add(p with { Start = start });
            }
        }
        return folded;
    }
}

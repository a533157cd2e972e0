namespace CctvMask.Grains.Compliance;

/// <summary>
/// One camera's closed minute buckets over the last <see cref="Span"/> (pure, thread-safe): the compliance of
/// the last N minutes is masked ÷ (masked + unmasked) summed over the buckets that started within them, the same
/// rule the fleet's "compliance now" applies to stored buckets. Partial deltas of one minute add up.
/// </summary>
public sealed class ComplianceWindow
{
    private readonly object _gate = new();
    private readonly Queue<ComplianceDelta> _buckets = new();

    /// <summary>Creates a window that keeps buckets for <paramref name="span"/> (the longest window asked for).</summary>
    public ComplianceWindow(TimeSpan span)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(span, TimeSpan.Zero);
        Span = span;
    }

    /// <summary>How far back buckets are kept.</summary>
    public TimeSpan Span { get; }

    /// <summary>Adds a closed (or partial) minute bucket.</summary>
    public void Add(ComplianceDelta delta)
    {
        ArgumentNullException.ThrowIfNull(delta);
        lock (_gate) _buckets.Enqueue(delta);
    }

    /// <summary>
    /// masked ÷ (masked + unmasked) over the buckets that started in the <paramref name="window"/> before the
    /// current minute of <paramref name="now"/>; null when nobody was assessable then. Drops buckets older than <see cref="Span"/>.
    /// </summary>
    public double? Ratio(DateTimeOffset now, TimeSpan window)
    {
        var minute = ComplianceCounter.MinuteOf(now);
        var from = minute - window;
        long masked = 0, assessable = 0;
        lock (_gate)
        {
            DropOlderThanSpan(minute);
            foreach (var b in _buckets)
            {
                if (b.BucketStart < from) continue;
                masked += b.Masked;
                assessable += b.Masked + b.Unmasked;
            }
        }
        return assessable == 0 ? null : (double)masked / assessable;
    }

    /// <summary>True when no bucket is left within <see cref="Span"/> of <paramref name="now"/>'s minute (drops the older ones).</summary>
    public bool IsEmpty(DateTimeOffset now)
    {
        lock (_gate)
        {
            DropOlderThanSpan(ComplianceCounter.MinuteOf(now));
            return _buckets.Count == 0;
        }
    }

    private void DropOlderThanSpan(DateTimeOffset minute)
    {
        while (_buckets.TryPeek(out var oldest) && oldest.BucketStart < minute - Span) _buckets.Dequeue();
    }
}

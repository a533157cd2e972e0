namespace CctvMask.Video.Ingest;

/// <summary>
/// Measured frame rate over a sliding time window: a fixed ring of arrival timestamps, so
/// recording a frame allocates nothing. Not thread-safe (the caller locks).
/// </summary>
public sealed class FpsMeter
{
    private readonly long[] _ticks;
    private readonly long _windowTicks;
    private int _next;
    private int _count;

    /// <param name="window">Time span the rate is measured over.</param>
    /// <param name="capacity">Most arrivals remembered (bounds the highest measurable rate: capacity / window).</param>
    public FpsMeter(TimeSpan window, int capacity = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        _ticks = new long[capacity];
        _windowTicks = window.Ticks;
    }

    public void Record(DateTimeOffset at)
    {
        _ticks[_next] = at.UtcTicks;
        _next = (_next + 1) % _ticks.Length;
        _count = Math.Min(_count + 1, _ticks.Length);
    }

    /// <summary>
    /// Frames per second among arrivals within the window before <paramref name="now"/>: (n-1) intervals
    /// over their span; 0 with fewer than two arrivals (a stalled stream decays to 0).
    /// </summary>
    public double Rate(DateTimeOffset now)
    {
        var cutoff = now.UtcTicks - _windowTicks;
        long newest = long.MinValue, oldest = long.MaxValue;
        var n = 0;
        for (var i = 0; i < _count; i++)
        {
            var t = _ticks[(_next - 1 - i + _ticks.Length) % _ticks.Length];
            if (t < cutoff) break; // older entries are older still
            newest = Math.Max(newest, t);
            oldest = Math.Min(oldest, t);
            n++;
        }
        if (n < 2 || newest <= oldest) return 0;
        return (n - 1) / TimeSpan.FromTicks(newest - oldest).TotalSeconds;
    }

    public void Reset()
    {
        _next = 0;
        _count = 0;
    }
}

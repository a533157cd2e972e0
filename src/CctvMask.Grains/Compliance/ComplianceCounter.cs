using CctvMask.Grains.Tracking;

namespace CctvMask.Grains.Compliance;

/// <summary>
/// Counts unique people per camera per minute bucket (pure, single-threaded).
/// <para>Counting rule: a person (a confirmed track) is counted <b>once in every minute bucket in
/// which they are seen in at least one frame</b>; someone present for three minutes counts once in
/// each of the three buckets, never twice in one. Their class in a bucket is their track's voted
/// verdict at their last sighting in that bucket (so a verdict reached later in the minute
/// replaces an earlier Unknown). Buckets are UTC minutes; a bucket closes when the first frame of
/// a later minute arrives (<see cref="Advance"/>) or when the camera stops (<see cref="Flush"/>),
/// which yields a partial delta for the running minute; deltas for the same bucket add up.</para>
/// <para>Each person is also counted once per UTC hour and once per UTC day (never a sum of minutes):
/// every closed minute leaves in <see cref="PeriodDeltas"/> the change of the hour's and the day's unique
/// counts since their last delta (people newly seen, and people whose verdict moved on).</para>
/// </summary>
public sealed class ComplianceCounter
{
    private readonly Dictionary<long, MaskVerdict> _bucket = [];
    private readonly PeriodCount _hour;
    private readonly PeriodCount _day;
    private readonly List<ComplianceDelta> _periodDeltas = [];
    private DateTimeOffset? _bucketStart;
    private Guid _bucketEventId;

    private readonly bool _incorrectIsNonCompliant;

    /// <summary>
    /// Creates a counter for one camera. A mask_incorrect person counts as unmasked when
    /// <paramref name="incorrectIsNonCompliant"/> (the default), else as masked; either way also in
    /// <see cref="ComplianceDelta.Incorrect"/>.
    /// </summary>
    public ComplianceCounter(string cameraId, bool incorrectIsNonCompliant = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cameraId);
        CameraId = cameraId;
        _incorrectIsNonCompliant = incorrectIsNonCompliant;
        _hour = new(CountPeriod.Hour, TimeSpan.TicksPerHour, this);
        _day = new(CountPeriod.Day, TimeSpan.TicksPerDay, this);
    }

    /// <summary>Camera id stamped on every delta.</summary>
    public string CameraId { get; }

    /// <summary>Start of the open bucket, if any.</summary>
    public DateTimeOffset? BucketStart => _bucketStart;

    /// <summary>People counted so far in the open bucket.</summary>
    public int CurrentPeople => _bucket.Count;

    /// <summary>Unique people of the running UTC hour so far.</summary>
    public int PeopleThisHour => _hour.People;

    /// <summary>
    /// Hour and day deltas of the last close (<see cref="Advance"/> that returned a bucket, or <see cref="Flush"/>);
    /// empty when nothing changed. Valid until the next close.
    /// </summary>
    public IReadOnlyList<ComplianceDelta> PeriodDeltas => _periodDeltas;

    /// <summary>The UTC minute containing <paramref name="time"/>.</summary>
    public static DateTimeOffset MinuteOf(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
    }

    /// <summary>
    /// Moves the clock to <paramref name="now"/>: when that is in a later minute than the open
    /// bucket, the bucket is closed and returned; then a bucket for now's minute is open.
    /// </summary>
    public ComplianceDelta? Advance(DateTimeOffset now)
    {
        var minute = MinuteOf(now);
        ComplianceDelta? closed = null;
        if (_bucketStart is { } start && minute > start)
            closed = Close();
        if (_bucketStart is null)
        {
            _hour.MoveTo(minute);
            _day.MoveTo(minute);
            _bucketStart = minute;
            _bucketEventId = Guid.CreateVersion7(); // shared by the bucket's provisional deltas and its final one
        }
        return closed;
    }

    /// <summary>Records that a track was seen in the open bucket (tentative tracks are ignored).</summary>
    public void Observe(FaceTrack track, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(track);
        if (!track.IsConfirmed) return;
        // A later minute means the caller skipped Advance (a bug); an earlier one is a clock step
        // back, counted in the open bucket rather than lost.
        if (_bucketStart is null || MinuteOf(at) > _bucketStart)
            throw new InvalidOperationException($"Observe at {at:O} is after the open bucket {_bucketStart:O}; call Advance first.");
        _bucket[track.Id] = track.Verdict;
        _hour.Observe(track.Id, track.Verdict);
        _day.Observe(track.Id, track.Verdict);
    }

    /// <summary>Closes the open bucket (camera stopping); null when no bucket is open.</summary>
    public ComplianceDelta? Flush() => _bucketStart is null ? null : Close();

    /// <summary>
    /// The open bucket's counts so far, without closing it; null when no bucket is open. It carries
    /// the event id the final delta of this bucket will carry, so storage journals it as the
    /// provisional value of that delta (superseded by the final one; written only after a crash).
    /// </summary>
    public ComplianceDelta? Provisional() => _bucketStart is null ? null : Count();

    private ComplianceDelta Close()
    {
        var delta = Count();
        _periodDeltas.Clear();
        if (_hour.TakeChange(CameraId) is { } hour) _periodDeltas.Add(hour);
        if (_day.TakeChange(CameraId) is { } day) _periodDeltas.Add(day);
        _bucket.Clear();
        _bucketStart = null;
        return delta;
    }

    private ComplianceDelta Count()
    {
        var (masked, unmasked, unknown, incorrect) = Classes(_bucket.Values);
        return new ComplianceDelta(_bucketEventId, CameraId, _bucketStart!.Value, _bucket.Count, masked, unmasked, unknown, Incorrect: incorrect);
    }

    private (int Masked, int Unmasked, int Unknown, int Incorrect) Classes(IEnumerable<MaskVerdict> verdicts)
    {
        int masked = 0, unmasked = 0, unknown = 0, incorrect = 0;
        foreach (var verdict in verdicts)
        {
            switch (verdict)
            {
                case MaskVerdict.Masked: masked++; break;
                case MaskVerdict.Unmasked: unmasked++; break;
                case MaskVerdict.Incorrect when _incorrectIsNonCompliant: unmasked++; incorrect++; break;
                case MaskVerdict.Incorrect: masked++; incorrect++; break;
                default: unknown++; break;
            }
        }
        return (masked, unmasked, unknown, incorrect);
    }

    // The unique people of one running hour or day, and what of it was already handed out as deltas.
    private sealed class PeriodCount(CountPeriod period, long ticks, ComplianceCounter owner)
    {
        private readonly Dictionary<long, MaskVerdict> _people = [];
        private DateTimeOffset? _start;
        private (int People, int Masked, int Unmasked, int Unknown, int Incorrect) _emitted;

        public int People => _people.Count;

        public void MoveTo(DateTimeOffset minute)
        {
            var start = new DateTimeOffset(minute.UtcTicks - minute.UtcTicks % ticks, TimeSpan.Zero);
            if (_start == start) return;
            _start = start;
            _people.Clear();
            _emitted = default;
        }

        public void Observe(long trackId, MaskVerdict verdict) => _people[trackId] = verdict;

        public ComplianceDelta? TakeChange(string cameraId)
        {
            if (_start is not { } start) return null;
            var (masked, unmasked, unknown, incorrect) = owner.Classes(_people.Values);
            var now = (_people.Count, masked, unmasked, unknown, incorrect);
            if (now == _emitted) return null;
            var delta = new ComplianceDelta(Guid.CreateVersion7(), cameraId, start, now.Item1 - _emitted.People,
                masked - _emitted.Masked, unmasked - _emitted.Unmasked, unknown - _emitted.Unknown, period, incorrect - _emitted.Incorrect);
            _emitted = now;
            return delta;
        }
    }
}

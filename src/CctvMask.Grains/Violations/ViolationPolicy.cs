using CctvMask.Abstractions.Violations;
using CctvMask.Grains.Tracking;
using CctvMask.Vision.Geometry;

namespace CctvMask.Grains.Violations;

/// <summary>
/// Decides when a person becomes a violation (pure, single-threaded): a confirmed track whose voted
/// verdict is Unmasked, on at least <see cref="ViolationOptions.MinVotes"/> views, raises one violation, then at most one
/// more per cooldown while it stays unmasked.
/// <para>A tracker loses people (a turned head, a missed detection, an occlusion) and finds them again
/// as a new track. So a new unmasked track first looks for its predecessor: a track that already raised,
/// is not in view now (ended, or missing this frame), was last seen at most
/// <see cref="ViolationOptions.ReidentifySeconds"/> ago, and whose last box is near the new one (centre
/// within <see cref="ViolationOptions.ReidentifyMaxDistance"/> box sizes, similar size). The new track
/// then continues that person's cooldown instead of raising again.</para>
/// </summary>
public sealed class ViolationPolicy
{
    private const float MinSizeRatio = 0.5f;
    private const float MaxSizeRatio = 2f;
    private readonly Dictionary<long, Raised> _byTrack = [];
    private readonly List<long> _expired = [];
    private readonly TimeSpan _cooldown;
    private readonly bool _incorrectIsViolation;
    private readonly TimeSpan _reidentifyGap;
    private readonly float _maxDistance;
    private readonly int _minVotes;

    /// <summary>Creates a policy.</summary>
    public ViolationPolicy(ViolationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _cooldown = TimeSpan.FromSeconds(options.CooldownSeconds);
        _incorrectIsViolation = options.IncorrectMaskIsViolation;
        _reidentifyGap = TimeSpan.FromSeconds(options.ReidentifySeconds);
        _maxDistance = (float)options.ReidentifyMaxDistance;
        _minVotes = options.MinVotes;
    }

    /// <summary>Tracks remembered (raised at least once, live or ended within the re-identification gap).</summary>
    public int RememberedTracks => _byTrack.Count;

    /// <summary>New tracks recognised so far as a person who had already raised (no second violation).</summary>
    public long Reidentified { get; private set; }

    /// <summary>The kind of violation a verdict raises, or null when it raises none.</summary>
    public ViolationKind? KindOf(MaskVerdict verdict) => verdict switch
    {
        MaskVerdict.Unmasked => ViolationKind.Unmasked,
        MaskVerdict.Incorrect when _incorrectIsViolation => ViolationKind.Incorrect,
        _ => null,
    };

    /// <summary>True when this track (seen in the current frame) should raise a violation now; the raise is recorded.</summary>
    public bool ShouldRaise(FaceTrack track, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(track);
        if (!track.IsConfirmed || KindOf(track.Verdict) is null || track.VotesFor(track.Verdict) < _minVotes)
            return false;
        if (!_byTrack.TryGetValue(track.Id, out var person))
        {
            var predecessor = FindPredecessor(track, now);
            if (predecessor is not null)
            {
                predecessor.Superseded = true;
                Reidentified++;
            }
            person = new Raised(track, predecessor?.LastRaised);
            _byTrack[track.Id] = person;
        }
        person.LastSeen = now;
        if (person.LastRaised is { } last && now - last < _cooldown)
            return false;
        person.LastRaised = now;
        return true;
    }

    /// <summary>A track ended: kept for the re-identification gap, then dropped.</summary>
    public void Forget(long trackId, DateTimeOffset now)
    {
        if (_byTrack.TryGetValue(trackId, out var person)) person.Ended = true;
        _expired.Clear();
        foreach (var (id, p) in _byTrack)
            if (p.Ended && (p.Superseded || now - p.LastSeen > _reidentifyGap)) _expired.Add(id);
        foreach (var id in _expired) _byTrack.Remove(id);
    }

    private Raised? FindPredecessor(FaceTrack track, DateTimeOffset now)
    {
        if (_reidentifyGap <= TimeSpan.Zero) return null;
        Raised? best = null;
        float bestDistance = float.MaxValue;
        foreach (var p in _byTrack.Values)
        {
            if (p.Superseded || (!p.Ended && p.Track.MissedFrames == 0) || now - p.LastSeen > _reidentifyGap) continue;
            float distance = Distance(p.Track.Box, track.Box);
            if (distance <= _maxDistance && distance < bestDistance) (best, bestDistance) = (p, distance);
        }
        return best;
    }

    /// <summary>
    /// Centre distance of two boxes in units of the first box's size (√area); +∞ when their sizes differ
    /// by more than a factor of two (someone nearer or farther is someone else).
    /// </summary>
    public static float Distance(BoxF previous, BoxF next)
    {
        float scale = MathF.Sqrt(MathF.Max(previous.Area, 1f));
        float ratio = MathF.Sqrt(MathF.Max(next.Area, 1f)) / scale;
        if (ratio is < MinSizeRatio or > MaxSizeRatio) return float.PositiveInfinity;
        float dx = (next.X + next.Width / 2) - (previous.X + previous.Width / 2);
        float dy = (next.Y + next.Height / 2) - (previous.Y + previous.Height / 2);
        return MathF.Sqrt(dx * dx + dy * dy) / scale;
    }

    private sealed class Raised(FaceTrack track, DateTimeOffset? lastRaised)
    {
        public FaceTrack Track { get; } = track;
        public DateTimeOffset? LastRaised { get; set; } = lastRaised;
        public DateTimeOffset LastSeen { get; set; }
        public bool Ended { get; set; }
        public bool Superseded { get; set; }
    }
}

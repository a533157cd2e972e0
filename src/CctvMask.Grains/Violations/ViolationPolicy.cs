using CctvMask.Grains.Tracking;

namespace CctvMask.Grains.Violations;

/// <summary>
/// Decides when a person becomes a violation (pure, single-threaded): a confirmed track whose voted
/// verdict is Unmasked raises one violation, then at most one more per cooldown while it stays
/// unmasked. Tracks are forgotten when they end.
/// </summary>
public sealed class ViolationPolicy
{
    private readonly Dictionary<long, DateTimeOffset> _lastRaised = [];
    private readonly TimeSpan _cooldown;

    /// <summary>Creates a policy.</summary>
    public ViolationPolicy(ViolationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _cooldown = TimeSpan.FromSeconds(options.CooldownSeconds);
    }

    /// <summary>Tracks currently remembered (raised at least once and not yet ended).</summary>
    public int RememberedTracks => _lastRaised.Count;

    /// <summary>True when this track should raise a violation now; the raise is recorded.</summary>
    public bool ShouldRaise(FaceTrack track, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(track);
        if (!track.IsConfirmed || track.Verdict != MaskVerdict.Unmasked)
            return false;
        if (_lastRaised.TryGetValue(track.Id, out var last) && now - last < _cooldown)
            return false;
        _lastRaised[track.Id] = now;
        return true;
    }

    /// <summary>Drops a track that ended.</summary>
    public void Forget(long trackId) => _lastRaised.Remove(trackId);
}

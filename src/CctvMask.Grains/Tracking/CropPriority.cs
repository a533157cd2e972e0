namespace CctvMask.Grains.Tracking;

/// <summary>
/// The order in which a frame's crop budget (<c>MaxCropsPerFrame</c>) serves the faces that want a crop: tracks never
/// judged first, then the tracks judged longest ago (so a capped frame never starves the same faces), then detection
/// order. The whole ordering rule is here; <see cref="CropSelection"/> only keeps the first N by it.
/// </summary>
internal static class CropPriority
{
    /// <summary>True when <paramref name="a"/> is served before <paramref name="b"/> (a strict total order: no two candidates tie).</summary>
    public static bool Precedes(in CropCandidate a, in CropCandidate b)
    {
        var (ja, jb) = (a.Track.LastJudgedAt, b.Track.LastJudgedAt);
        if (ja is null != jb is null) return ja is null;
        if (ja is { } ta && jb is { } tb && ta != tb) return ta < tb;
        return a.Index < b.Index;
    }
}

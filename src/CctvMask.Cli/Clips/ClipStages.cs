using System.Diagnostics;

namespace CctvMask.Cli.Clips;

/// <summary>
/// Where a <see cref="ClipCamera"/>'s time goes, stage by stage, summed over the frames it ran since the last
/// <see cref="Reset"/>: the frame copy (as ingest hands a pooled frame over), phase 1, tracking with the crop
/// requests, cropping, phase 2 with the verdicts recorded, and completion (minute counts, violations with their
/// evidence JPEGs, live view). Four timestamps a frame: cheap beside a 10 ms detector call.
/// </summary>
internal sealed class ClipStages
{
    /// <summary>The stage names in the order a frame passes them.</summary>
    public static readonly string[] Names = ["copy", "phase1", "track", "crop", "classify", "complete"];

    private readonly long[] _ticks = new long[Names.Length];

    /// <summary>Frames counted since the last reset.</summary>
    public long Frames { get; private set; }

    /// <summary>Adds the ticks between consecutive stamps (<paramref name="stamps"/> has one more entry than stages).</summary>
    public void Add(ReadOnlySpan<long> stamps)
    {
        for (int i = 0; i < _ticks.Length && i + 1 < stamps.Length; i++)
            _ticks[i] += stamps[i + 1] - stamps[i];
        Frames++;
    }

    /// <summary>Mean milliseconds per frame of each stage, by name.</summary>
    public IReadOnlyDictionary<string, double> MillisecondsPerFrame()
    {
        var result = new Dictionary<string, double>(Names.Length);
        for (int i = 0; i < Names.Length; i++)
            result[Names[i]] = Frames == 0 ? 0 : _ticks[i] * 1000.0 / Stopwatch.Frequency / Frames;
        return result;
    }

    /// <summary>Starts counting afresh.</summary>
    public void Reset()
    {
        Array.Clear(_ticks);
        Frames = 0;
    }
}

using BenchmarkDotNet.Attributes;
using CctvMask.Grains.Tracking;
using CctvMask.Vision.FaceDetection;
using CctvMask.Vision.Geometry;

namespace CctvMask.Benchmarks.Grains;

/// <summary>
/// The per-frame crop budget (MaxCropsPerFrame, 24 by default; 12 here, the value the heap was measured at) over a frame's candidates: the bounded heap against the pick it
/// replaced (the earliest by CropPriority, again and again).
/// </summary>
[MemoryDiagnoser]
public class CropSelectionBenchmarks
{
    private const int Budget = 12;
    private readonly CropSelection _selection = new();
    private CropCandidate[] _candidates = null!;
    private int[] _left = null!;

    /// <summary>Faces that want a crop in one frame (a crowd clip has ~40 in view).</summary>
    [Params(40, 200)]
    public int Candidates { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        var t0 = new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);
        _candidates = new CropCandidate[Candidates];
        for (int i = 0; i < Candidates; i++)
        {
            var face = new RawFace(new BoxF(10 * i, 20, 40, 40), 0.9f, default);
            var track = new FaceTrack(i, face, 0, 1);
            if (rng.Next(4) != 0) track.RecordJudgement(default, [], 0, t0.AddMilliseconds(-rng.Next(60_000)));
            _candidates[i] = new CropCandidate(i, track);
        }
        _left = new int[Candidates];
    }

    [Benchmark(Baseline = true, Description = "pick the earliest, budget times (O(n×k))")]
    public int Naive()
    {
        int left = _candidates.Length, sum = 0;
        for (int i = 0; i < left; i++) _left[i] = i;
        for (int budget = Budget; budget > 0 && left > 0; budget--)
        {
            int best = 0;
            for (int k = 1; k < left; k++)
                if (CropPriority.Precedes(_candidates[_left[k]], _candidates[_left[best]])) best = k;
            sum += _left[best];
            _left[best] = _left[--left];
        }
        return sum;
    }

    [Benchmark(Description = "bounded max-heap (O(n log k))")]
    public int Heap()
    {
        _selection.Reset(Budget);
        foreach (ref readonly var c in _candidates.AsSpan()) _selection.Offer(c);
        int sum = 0;
        foreach (ref readonly var c in _selection.Chosen()) sum += c.Index;
        return sum;
    }
}

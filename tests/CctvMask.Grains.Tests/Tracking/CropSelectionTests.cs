using CctvMask.Grains.Tracking;
using CctvMask.Vision.FaceDetection;
using CctvMask.Vision.Geometry;

namespace CctvMask.Grains.Tests.Tracking;

/// <summary>The per-frame crop budget's bounded selection against the naive pick (the first by priority, again and again).</summary>
public sealed class CropSelectionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    // `count` candidates: about a third never judged, the rest judged at one of a few instants (so many tie on the time).
    private static CropCandidate[] Candidates(Random rng, int count)
    {
        var candidates = new CropCandidate[count];
        for (int i = 0; i < count; i++)
        {
            var face = new RawFace(new BoxF(10 * i, 20, 40, 40), 0.9f, default);
            var track = new FaceTrack(i, face, 0, 1);
            if (rng.Next(3) != 0) track.RecordJudgement(default, [], 0, T0.AddSeconds(-rng.Next(6)));
            candidates[i] = new CropCandidate(i, track);
        }
        // Offered in a shuffled order: the choice must not depend on it.
        rng.Shuffle(candidates);
        return candidates;
    }

    // The pick the heap replaces: O(candidates × budget), the earliest by CropPriority each time.
    private static List<int> Naive(CropCandidate[] candidates, int budget)
    {
        var left = candidates.ToList();
        var chosen = new List<int>();
        while (chosen.Count < budget && left.Count > 0)
        {
            int best = 0;
            for (int k = 1; k < left.Count; k++)
                if (CropPriority.Precedes(left[k], left[best])) best = k;
            chosen.Add(left[best].Index);
            left.RemoveAt(best);
        }
        return chosen;
    }

    private static List<int> Selected(CropSelection selection, CropCandidate[] candidates, int budget)
    {
        selection.Reset(budget);
        foreach (var c in candidates) selection.Offer(c);
        var chosen = new List<int>();
        foreach (var c in selection.Chosen()) chosen.Add(c.Index);
        return chosen;
    }

    [Fact]
    public void The_heap_chooses_the_same_crops_in_the_same_order_as_the_naive_pick_on_random_frames()
    {
        var rng = new Random(20261204);
        var selection = new CropSelection(); // one per camera, reused frame after frame as in the pipeline
        for (int frame = 0; frame < 2000; frame++)
        {
            var candidates = Candidates(rng, rng.Next(0, 60));
            int budget = rng.Next(5) == 0 ? int.MaxValue : rng.Next(0, 20);
            Assert.Equal(Naive(candidates, budget), Selected(selection, candidates, budget));
        }
    }

    [Fact]
    public void Never_judged_faces_come_first_in_detection_order_then_the_longest_ago_judged()
    {
        var rng = new Random(7);
        var candidates = Candidates(rng, 30);
        var chosen = Selected(new CropSelection(), candidates, 12);
        var byIndex = candidates.OrderBy(c => c.Index).ToArray();
        var expected = byIndex.Where(c => c.Track.LastJudgedAt is null)
            .Concat(byIndex.Where(c => c.Track.LastJudgedAt is not null).OrderBy(c => c.Track.LastJudgedAt))
            .Take(12).Select(c => c.Index);
        Assert.Equal(expected, chosen);
    }

    [Fact]
    public void A_frame_allocates_nothing_once_the_storage_has_grown()
    {
        var rng = new Random(3);
        var candidates = Candidates(rng, 80);
        var selection = new CropSelection();
        Selected(selection, candidates, int.MaxValue); // grows to 80 once

        long before = GC.GetAllocatedBytesForCurrentThread();
        int served = 0;
        for (int frame = 0; frame < 100; frame++)
        {
            selection.Reset(frame % 2 == 0 ? 12 : int.MaxValue);
            foreach (var c in candidates) selection.Offer(c);
            served += selection.Chosen().Length;
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(50 * 12 + 50 * 80, served);
    }
}

using System.Runtime.CompilerServices;
using CctvMask.Grains.Tracking;
using CctvMask.Vision.FaceDetection;
using CctvMask.Vision.Geometry;

namespace CctvMask.Grains.Tests.Tracking;

/// <summary>The crop budget's order among tracks never judged: likeliest to be lost first (<see cref="CropCandidate.LossRisk"/>).</summary>
public sealed class CropPriorityTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    // `count` candidates, about half never judged with a risk from a few values (so some tie), the rest judged at a few instants.
    private static CropCandidate[] Candidates(Random rng, int count)
    {
        var candidates = new CropCandidate[count];
        for (int i = 0; i < count; i++)
        {
            var track = new FaceTrack(i, new RawFace(new BoxF(10 * i, 20, 40, 40), 0.9f, default), 0, 1);
            float risk = 0;
            if (rng.Next(2) == 0) track.RecordJudgement(default, [], 0, T0.AddSeconds(-rng.Next(6)));
            else risk = rng.Next(5) * 0.1f + (rng.Next(4) == 0 ? 1f : 0f);
            candidates[i] = new CropCandidate(i, track, risk);
        }
        rng.Shuffle(candidates);
        return candidates;
    }

    [Fact]
    public void Never_judged_tracks_go_highest_risk_first_ties_in_detection_order_then_the_longest_ago_judged()
    {
        var rng = new Random(11);
        var selection = new CropSelection();
        for (int frame = 0; frame < 500; frame++)
        {
            var candidates = Candidates(rng, rng.Next(0, 50));
            int budget = rng.Next(0, 20);
            selection.Reset(budget);
            foreach (var c in candidates) selection.Offer(c);
            var expected = candidates.Where(c => c.Track.LastJudgedAt is null).OrderByDescending(c => c.LossRisk).ThenBy(c => c.Index)
                .Concat(candidates.Where(c => c.Track.LastJudgedAt is not null).OrderBy(c => c.Track.LastJudgedAt).ThenBy(c => c.Index))
                .Take(budget).Select(c => c.Index);
            Assert.Equal(expected, selection.Chosen().ToArray().Select(c => c.Index));
        }
    }

    [Fact]
    public void A_judged_track_never_goes_before_one_never_judged_whatever_the_risks()
    {
        var judged = new FaceTrack(1, default, 0, 1);
        judged.RecordJudgement(default, [], 0, T0);
        var fresh = new FaceTrack(2, default, 0, 1);
        Assert.True(CropPriority.Precedes(new CropCandidate(5, fresh, 0f), new CropCandidate(0, judged, 2f)));
        Assert.False(CropPriority.Precedes(new CropCandidate(0, judged, 2f), new CropCandidate(5, fresh, 0f)));
    }

    [Fact]
    public void The_candidate_stays_16_bytes_with_its_risk() => Assert.Equal(16, Unsafe.SizeOf<CropCandidate>());
}

using CctvMask.Grains.Tests.Support;
using CctvMask.Grains.Tracking;
using CctvMask.Grains.Violations;
using CctvMask.Vision.Detection;

namespace CctvMask.Grains.Tests.Violations;

public sealed class ViolationPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static FaceTracker Tracker() => new(new TrackerOptions { ConfirmHits = 2, MinJudgedVotes = 2, MaxMissedFrames = 100 });

    [Fact]
    public void An_unmasked_track_raises_once_then_waits_for_the_cooldown()
    {
        var policy = new ViolationPolicy(new ViolationOptions { CooldownSeconds = 60 });
        var tracker = Tracker();
        int raised = 0;
        var raisedAt = new List<int>();
        for (int s = 0; s < 150; s++)
        {
            tracker.UpdateJudged([Faces.At(100 + s % 3, 100, label: FaceLabel.WithoutMask)]);
            if (policy.ShouldRaise(tracker.Assignments[0]!, T0.AddSeconds(s))) { raised++; raisedAt.Add(s); }
        }
        // Verdict needs 2 judged frames (s = 1); then again at 61 and 121.
        Assert.Equal([1, 61, 121], raisedAt);
        Assert.Equal(3, raised);
    }

    [Fact]
    public void Each_unmasked_person_raises_their_own_violation()
    {
        var policy = new ViolationPolicy(new ViolationOptions { CooldownSeconds = 300 });
        var tracker = Tracker();
        var raised = new HashSet<long>();
        for (int f = 0; f < 10; f++)
        {
            tracker.UpdateJudged([Faces.At(100, 100, label: FaceLabel.WithoutMask), Faces.At(300, 100, label: FaceLabel.WithoutMask), Faces.At(500, 100, label: FaceLabel.WithMask)]);
            foreach (var track in tracker.Assignments)
                if (policy.ShouldRaise(track!, T0.AddSeconds(f)))
                    Assert.True(raised.Add(track!.Id));
        }
        Assert.Equal(2, raised.Count);
    }

    [Fact]
    public void Masked_unknown_and_tentative_tracks_never_raise()
    {
        var policy = new ViolationPolicy(new ViolationOptions());
        var tracker = new FaceTracker(new TrackerOptions { ConfirmHits = 50, MinJudgedVotes = 1 });
        for (int f = 0; f < 10; f++)
        {
            tracker.UpdateJudged([Faces.At(100, 100, label: FaceLabel.WithoutMask)]);
            Assert.False(policy.ShouldRaise(tracker.Assignments[0]!, T0.AddSeconds(f)));
        }
        var confirmed = Tracker();
        for (int f = 0; f < 10; f++)
        {
            confirmed.UpdateJudged([Faces.At(100, 100, label: FaceLabel.WithMask), Faces.At(300, 100, label: FaceLabel.Unknown)]);
            foreach (var track in confirmed.Assignments)
                Assert.False(policy.ShouldRaise(track!, T0.AddSeconds(f)));
        }
    }

    [Fact]
    public void Forget_drops_the_track()
    {
        var policy = new ViolationPolicy(new ViolationOptions());
        var tracker = Tracker();
        tracker.UpdateJudged([Faces.At(100, 100, label: FaceLabel.WithoutMask)]);
        tracker.UpdateJudged([Faces.At(100, 100, label: FaceLabel.WithoutMask)]);
        Assert.True(policy.ShouldRaise(tracker.Assignments[0]!, T0));
        Assert.Equal(1, policy.RememberedTracks);
        policy.Forget(tracker.Assignments[0]!.Id);
        Assert.Equal(0, policy.RememberedTracks);
    }
}

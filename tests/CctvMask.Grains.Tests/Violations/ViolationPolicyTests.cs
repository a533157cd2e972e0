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

    [Theory]
    [InlineData(1, new[] { 0 })] // confirmed on its first frame, judged on every frame: one view raises
    [InlineData(2, new[] { 1 })] // the default: the second view
    [InlineData(3, new[] { 2 })]
    public void A_verdict_raises_only_once_that_many_views_voted_for_it(int minVotes, int[] expected)
    {
        var policy = new ViolationPolicy(new ViolationOptions { MinVotes = minVotes });
        var tracker = new FaceTracker(new TrackerOptions { ConfirmHits = 1, MinJudgedVotes = 1, MaxMissedFrames = 100 });
        var raisedAt = new List<int>();
        for (int f = 0; f < 6; f++)
        {
            tracker.UpdateJudged([Faces.At(100, 100, label: FaceLabel.WithoutMask)]);
            if (policy.ShouldRaise(tracker.Assignments[0]!, T0.AddSeconds(f))) raisedAt.Add(f);
        }
        Assert.Equal(expected, raisedAt);
    }

    [Fact]
    public void One_unmasked_view_outvoted_by_the_next_ones_never_raises()
    {
        // The street clip's person: a blurred first view voted mask_incorrect, every later one masked.
        var policy = new ViolationPolicy(new ViolationOptions());
        var tracker = new FaceTracker(new TrackerOptions { ConfirmHits = 2, MinJudgedVotes = 1, MaxMissedFrames = 100 });
        for (int f = 0; f < 6; f++)
        {
            tracker.UpdateJudged([Faces.At(100, 100, label: f == 0 ? FaceLabel.Incorrect : FaceLabel.WithMask)]);
            Assert.False(policy.ShouldRaise(tracker.Assignments[0]!, T0.AddSeconds(f)));
        }
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
    public void An_ended_track_is_kept_for_the_re_identification_gap_then_dropped()
    {
        var policy = new ViolationPolicy(new ViolationOptions { ReidentifySeconds = 10 });
        var tracker = Tracker();
        tracker.UpdateJudged([Faces.At(100, 100, label: FaceLabel.WithoutMask)]);
        tracker.UpdateJudged([Faces.At(100, 100, label: FaceLabel.WithoutMask)]);
        Assert.True(policy.ShouldRaise(tracker.Assignments[0]!, T0));
        policy.Forget(tracker.Assignments[0]!.Id, T0.AddSeconds(1));
        Assert.Equal(1, policy.RememberedTracks);
        policy.Forget(-1, T0.AddSeconds(11));
        Assert.Equal(0, policy.RememberedTracks);
    }

    [Fact]
    public void A_person_lost_by_the_tracker_and_found_again_nearby_continues_their_cooldown()
    {
        var policy = new ViolationPolicy(new ViolationOptions { CooldownSeconds = 300, ReidentifySeconds = 10 });
        var tracker = new FaceTracker(new TrackerOptions { ConfirmHits = 2, MinJudgedVotes = 2, MaxMissedFrames = 2 });
        var raisedBy = new List<long>();
        void Frame(double s, params Vision.Detection.DetectedFace[] faces)
        {
            tracker.UpdateJudged(faces);
            foreach (var ended in tracker.EndedTracks) policy.Forget(ended.Id, T0.AddSeconds(s));
            foreach (var track in tracker.Assignments)
                if (policy.ShouldRaise(track!, T0.AddSeconds(s))) raisedBy.Add(track!.Id);
        }
        for (int f = 0; f < 5; f++) Frame(f, Faces.At(100, 100, label: FaceLabel.WithoutMask));
        for (int f = 5; f < 9; f++) Frame(f);                                                   // lost: the track ends
        for (int f = 9; f < 14; f++) Frame(f, Faces.At(110, 104, label: FaceLabel.WithoutMask)); // found again: a new track
        Assert.Single(raisedBy);
        Assert.Equal(1, policy.Reidentified);
    }

    [Fact]
    public void A_new_track_far_away_after_the_gap_or_beside_a_person_in_view_raises_its_own()
    {
        var options = new ViolationOptions { CooldownSeconds = 300, ReidentifySeconds = 10 };
        var tracker = new FaceTracker(new TrackerOptions { ConfirmHits = 2, MinJudgedVotes = 2, MaxMissedFrames = 2 });
        var policy = new ViolationPolicy(options);
        int raised = 0;
        void Frame(double s, params Vision.Detection.DetectedFace[] faces)
        {
            tracker.UpdateJudged(faces);
            foreach (var ended in tracker.EndedTracks) policy.Forget(ended.Id, T0.AddSeconds(s));
            foreach (var track in tracker.Assignments)
                if (policy.ShouldRaise(track!, T0.AddSeconds(s))) raised++;
        }
        for (int f = 0; f < 5; f++) Frame(f, Faces.At(100, 100, label: FaceLabel.WithoutMask));
        for (int f = 5; f < 9; f++) Frame(f);
        for (int f = 9; f < 14; f++) Frame(f, Faces.At(400, 100, label: FaceLabel.WithoutMask));   // far away
        for (int f = 14; f < 30; f++) Frame(f);
        for (int f = 30; f < 35; f++) Frame(f, Faces.At(100, 100, label: FaceLabel.WithoutMask));  // same place, after the gap
        // Beside someone in view: both present at once are two people.
        for (int f = 35; f < 40; f++) Frame(f, Faces.At(100, 100, label: FaceLabel.WithoutMask), Faces.At(130, 100, label: FaceLabel.WithoutMask));
        Assert.Equal(4, raised);
        Assert.Equal(0, policy.Reidentified);
    }

    [Fact]
    public void Distance_is_in_box_sizes_and_refuses_a_much_larger_or_smaller_face()
    {
        var a = new Vision.Geometry.BoxF(0, 0, 20, 20);
        Assert.Equal(1f, ViolationPolicy.Distance(a, new Vision.Geometry.BoxF(20, 0, 20, 20)), 3);
        Assert.Equal(float.PositiveInfinity, ViolationPolicy.Distance(a, new Vision.Geometry.BoxF(0, 0, 50, 50)));
    }
}

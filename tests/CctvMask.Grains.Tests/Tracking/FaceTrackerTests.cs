using CctvMask.Grains.Tests.Support;
using CctvMask.Grains.Tracking;
using CctvMask.Vision.Detection;

namespace CctvMask.Grains.Tests.Tracking;

public sealed class FaceTrackerTests
{
    private static TrackerOptions Options(int maxMissed = 3, int confirm = 2, int minVotes = 2) =>
        new() { MaxMissedFrames = maxMissed, ConfirmHits = confirm, MinJudgedVotes = minVotes };

    [Fact]
    public void Two_people_crossing_keep_their_ids()
    {
        var tracker = new FaceTracker(Options());
        // A walks right, B walks left on nearly the same line; their boxes overlap for several frames.
        long idA = 0, idB = 0;
        for (int f = 0; f <= 30; f++)
        {
            var a = Faces.At(20 + 8 * f, 100);
            var b = Faces.At(260 - 8 * f, 104);
            tracker.UpdateJudged([a, b]);
            var assigned = tracker.Assignments;
            if (f == 0)
            {
                idA = assigned[0]!.Id;
                idB = assigned[1]!.Id;
                Assert.NotEqual(idA, idB);
            }
            Assert.Equal(idA, assigned[0]!.Id);
            Assert.Equal(idB, assigned[1]!.Id);
        }
        Assert.Equal(2, tracker.Tracks.Count);
    }

    [Fact]
    public void Track_is_lost_after_max_missed_frames()
    {
        var tracker = new FaceTracker(Options(maxMissed: 3));
        tracker.UpdateJudged([Faces.At(100, 100)]);
        var track = tracker.Assignments[0]!;
        for (int i = 0; i < 3; i++)
        {
            tracker.UpdateJudged([]);
            Assert.Empty(tracker.EndedTracks);
            Assert.Contains(track, tracker.Tracks);
        }
        tracker.UpdateJudged([]);
        Assert.Same(track, Assert.Single(tracker.EndedTracks));
        Assert.Empty(tracker.Tracks);
    }

    [Fact]
    public void Track_survives_a_gap_shorter_than_the_limit_and_keeps_its_id()
    {
        var tracker = new FaceTracker(Options(maxMissed: 3));
        tracker.UpdateJudged([Faces.At(100, 100)]);
        var id = tracker.Assignments[0]!.Id;
        tracker.UpdateJudged([Faces.At(110, 100)]);
        tracker.UpdateJudged([]);
        tracker.UpdateJudged([]);
        // Constant velocity predicts ~140 after two missed frames.
        tracker.UpdateJudged([Faces.At(140, 100)]);
        Assert.Equal(id, tracker.Assignments[0]!.Id);
    }

    [Fact]
    public void A_face_that_stops_while_missed_keeps_its_id()
    {
        var tracker = new FaceTracker(Options(maxMissed: 10));
        // A 20 px face walks 10 px per frame, is missed for 4 frames (turned head) and reappears where it was
        // last seen: the old velocity puts the prediction 2.5 box sizes further on.
        for (int f = 0; f < 4; f++) tracker.UpdateJudged([Faces.At(100 + 10 * f, 100, size: 20)]);
        var id = tracker.Assignments[0]!.Id;
        for (int f = 0; f < 4; f++) tracker.UpdateJudged([]);
        tracker.UpdateJudged([Faces.At(130, 100, size: 20)]);
        Assert.Equal(id, tracker.Assignments[0]!.Id);
        Assert.Single(tracker.Tracks);
    }

    [Fact]
    public void A_small_fast_face_is_one_confirmed_track_from_its_second_frame()
    {
        var tracker = new FaceTracker(Options(confirm: 3));
        // 16 px face moving 24 px (1.5 of its size) per analysed frame: no overlap between frames.
        long id = 0;
        for (int f = 0; f < 8; f++)
        {
            tracker.UpdateJudged([Faces.At(20 + 24 * f, 100, size: 16)]);
            if (f == 0) id = tracker.Assignments[0]!.Id;
            Assert.Equal(id, tracker.Assignments[0]!.Id);
        }
        Assert.True(Assert.Single(tracker.Tracks).IsConfirmed);
    }

    [Fact]
    public void A_missed_track_does_not_take_a_neighbour_that_has_its_own_track()
    {
        var tracker = new FaceTracker(Options(maxMissed: 10));
        // Two people standing 50 px apart (2.5 sizes); A is missed for 4 frames, B stays detected.
        for (int f = 0; f < 3; f++) tracker.UpdateJudged([Faces.At(100, 100, size: 20), Faces.At(150, 100, size: 20)]);
        var idA = tracker.Assignments[0]!.Id;
        var idB = tracker.Assignments[1]!.Id;
        for (int f = 0; f < 4; f++)
        {
            tracker.UpdateJudged([Faces.At(150, 100, size: 20)]);
            Assert.Equal(idB, tracker.Assignments[0]!.Id);
        }
        tracker.UpdateJudged([Faces.At(100, 100, size: 20), Faces.At(150, 100, size: 20)]);
        Assert.Equal(idA, tracker.Assignments[0]!.Id);
        Assert.Equal(idB, tracker.Assignments[1]!.Id);
    }

    [Fact]
    public void Track_is_confirmed_after_the_configured_hits()
    {
        var tracker = new FaceTracker(Options(confirm: 3));
        tracker.UpdateJudged([Faces.At(100, 100)]);
        var track = tracker.Assignments[0]!;
        Assert.False(track.IsConfirmed);
        tracker.UpdateJudged([Faces.At(102, 100)]);
        Assert.False(track.IsConfirmed);
        tracker.UpdateJudged([Faces.At(104, 100)]);
        Assert.True(track.IsConfirmed);
    }

    [Fact]
    public void Verdict_needs_minimum_judged_votes_and_ignores_unknown_frames()
    {
        var tracker = new FaceTracker(Options(minVotes: 2));
        tracker.UpdateJudged([Faces.At(100, 100, label: FaceLabel.WithoutMask)]);
        var track = tracker.Assignments[0]!;
        Assert.Equal(MaskVerdict.Unknown, track.Verdict);
        for (int i = 1; i <= 5; i++)
            tracker.UpdateJudged([Faces.At(100 + i, 100, label: FaceLabel.Unknown)]);
        Assert.Equal(MaskVerdict.Unknown, track.Verdict);
        Assert.Equal(5, track.UnknownVotes);
        tracker.UpdateJudged([Faces.At(106, 100, label: FaceLabel.WithoutMask)]);
        Assert.Equal(MaskVerdict.Unmasked, track.Verdict);
        Assert.Equal(0.95f, track.UnmaskedConfidence, 3);
    }

    [Fact]
    public void Verdict_is_the_majority_and_a_tie_is_unknown()
    {
        var tracker = new FaceTracker(Options(minVotes: 2));
        FaceLabel[] labels = [FaceLabel.WithMask, FaceLabel.WithoutMask, FaceLabel.WithMask, FaceLabel.WithoutMask, FaceLabel.WithMask];
        MaskVerdict[] expected = [MaskVerdict.Unknown, MaskVerdict.Unknown, MaskVerdict.Masked, MaskVerdict.Unknown, MaskVerdict.Masked];
        FaceTrack? track = null;
        for (int i = 0; i < labels.Length; i++)
        {
            tracker.UpdateJudged([Faces.At(100 + i, 100, label: labels[i])]);
            track ??= tracker.Assignments[0];
            Assert.Same(track, tracker.Assignments[0]);
            Assert.Equal(expected[i], track!.Verdict);
        }
    }

    [Fact]
    public void A_far_away_face_opens_a_new_track()
    {
        var tracker = new FaceTracker(Options());
        tracker.UpdateJudged([Faces.At(100, 100)]);
        var first = tracker.Assignments[0]!.Id;
        tracker.UpdateJudged([Faces.At(400, 300)]);
        Assert.NotEqual(first, tracker.Assignments[0]!.Id);
        Assert.Equal(2, tracker.Tracks.Count);
    }

    [Fact]
    public void Track_count_is_capped()
    {
        var tracker = new FaceTracker(new TrackerOptions { MaxTracks = 2 });
        tracker.UpdateJudged([Faces.At(0, 0), Faces.At(100, 0), Faces.At(200, 0)]);
        Assert.Equal(2, tracker.Tracks.Count);
        Assert.Null(tracker.Assignments[2]);
    }

    [Fact]
    public void EndAll_ends_every_track()
    {
        var tracker = new FaceTracker(Options());
        tracker.UpdateJudged([Faces.At(0, 0), Faces.At(100, 0)]);
        tracker.EndAll();
        Assert.Equal(2, tracker.EndedTracks.Count);
        Assert.Empty(tracker.Tracks);
    }

    [Fact]
    public void Steady_state_update_allocates_nothing()
    {
        var tracker = new FaceTracker(Options());
        var frames = Enumerable.Range(0, 120)
            .Select(f => Enumerable.Range(0, 6).Select(p => Faces.At(50 * p + f % 5, 100 + 3 * p))
                .Select(d => new CctvMask.Vision.FaceDetection.RawFace(d.Box, d.Score, d.Landmarks)).ToArray())
            .ToArray();
        for (int f = 0; f < 20; f++) tracker.Update(frames[f]);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int f = 20; f < frames.Length; f++) tracker.Update(frames[f]);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(6, tracker.Tracks.Count);
    }
}

using System.ComponentModel.DataAnnotations;
using CctvMask.Grains.Tests.Support;
using CctvMask.Grains.Tracking;
using CctvMask.Vision.Detection;
using CctvMask.Vision.FaceDetection;

namespace CctvMask.Grains.Tests.Tracking;

/// <summary>Which tracked faces phase 2 is asked for, with the product's defaults (one person at 5 analysed fps).</summary>
public sealed class JudgementPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    // One still person for the given labels (one analysed frame each, 0.2 s apart); returns per frame whether phase 2 was asked.
    private static List<bool> Asked(TrackerOptions options, params FaceLabel[] labels) => Run(options, labels).Asked;

    // The same, with the person's track after the last frame (violationVotes: Cctv:Violations:MinVotes, default 2).
    private static (List<bool> Asked, FaceTrack Track) Run(TrackerOptions options, FaceLabel[] labels, int violationVotes = 2)
    {
        var tracker = new FaceTracker(options);
        var asked = new List<bool>();
        for (int f = 0; f < labels.Length; f++)
        {
            var now = T0.AddMilliseconds(200 * f);
            var face = Faces.At(100, 100, label: labels[f]);
            var raw = new RawFace(face.Box, face.Score, face.Landmarks);
            tracker.Update([raw]);
            var track = tracker.Assignments[0]!;
            bool judge = JudgementPolicy.ShouldJudge(track, raw, tooSmall: false, now, options, violationVotes);
            if (judge) track.RecordJudgement(face, [], 0, now);
            asked.Add(judge);
        }
        return (asked, tracker.Assignments[0]!);
    }

    private static FaceLabel[] Frames(int count, FaceLabel label) => Enumerable.Repeat(label, count).ToArray();

    [Fact]
    public void A_new_track_is_judged_on_its_first_frame_or_when_turned_off_on_the_frame_that_confirms_it()
    {
        var options = new TrackerOptions(); // ConfirmHits 3, JudgeTentativeTracks
        Assert.Equal([true, false, false], Asked(options, Frames(3, FaceLabel.WithMask)));
        var fromConfirmation = new TrackerOptions { JudgeTentativeTracks = false };
        Assert.Equal([false, false, true], Asked(fromConfirmation, Frames(3, FaceLabel.WithMask)));
    }

    [Theory]
    [InlineData(FaceLabel.WithoutMask, 2, new[] { true, false, true, false, false, false })]
    [InlineData(FaceLabel.WithoutMask, 1, new[] { true, false, false, false, false, false })]
    [InlineData(FaceLabel.WithMask, 2, new[] { true, false, false, false, false, false })]
    public void A_person_voted_unmasked_on_one_view_is_judged_again_when_confirmed_until_a_violation_has_its_views(
        FaceLabel label, int violationVotes, bool[] expected)
    {
        // Judged at first sight (tentative), confirmed on the third frame: a violator short of Cctv:Violations:MinVotes views
        // is looked at again there, a masked person is not (nor a violator when one view is enough).
        var (asked, track) = Run(new TrackerOptions(), Frames(6, label), violationVotes);
        Assert.Equal(expected, asked);
        Assert.Equal(expected.Count(a => a), track.Judgements);
    }

    [Fact]
    public void A_violator_whose_next_views_stay_undecided_is_asked_a_bounded_number_of_times_then_waits_for_the_recheck()
    {
        var labels = Frames(8, FaceLabel.Unknown);
        labels[0] = FaceLabel.WithoutMask;
        var (asked, track) = Run(new TrackerOptions(), labels, violationVotes: 2);
        // First sight, then from confirmation (frame 3) until MaxEarlyJudgements + MinVotes judgements: 3 in all.
        Assert.Equal([true, false, true, true, false, false, false, false], asked);
        Assert.Equal(1, track.VotesFor(MaskVerdict.Unmasked));
    }

    [Theory]
    [InlineData(true, MaskVerdict.Masked)]
    [InlineData(false, MaskVerdict.Unknown)]
    public void A_person_decided_only_on_their_first_frame_keeps_that_verdict_when_new_tracks_are_judged(bool firstSight, MaskVerdict expected)
    {
        // crowd720's track 66: the classifier decided the first frame of a photo and none of the frames after it.
        var labels = Frames(10, FaceLabel.Unknown);
        labels[0] = FaceLabel.WithMask;
        Assert.Equal(expected, Run(new TrackerOptions { JudgeTentativeTracks = firstSight }, labels).Track.Verdict);
    }

    [Fact]
    public void One_decided_vote_gives_the_verdict_and_the_next_frame_is_not_judged_again()
    {
        var options = new TrackerOptions();
        var asked = Asked(options, Frames(6, FaceLabel.WithMask));
        Assert.Equal([true, false, false, false, false, false], asked);
        Assert.Equal(1, options.MinJudgedVotes);
    }

    [Fact]
    public void An_undecided_view_is_retried_after_the_undecided_re_check_not_on_the_next_frames()
    {
        var options = new TrackerOptions(); // UndecidedRecheckSeconds 1 = 5 frames
        var labels = Frames(30, FaceLabel.Unknown);
        labels[10] = FaceLabel.WithMask;
        var asked = Asked(options, labels);
        // Undecided at 0 and 5: looked at again after 1 s; decided at 10: the 2 s re-check (20) from then on.
        Assert.Equal([0, 5, 10, 20], Enumerable.Range(0, asked.Count).Where(i => asked[i]));
        Assert.Equal([0, 10, 20], Enumerable.Range(0, 30).Where(Asked(new TrackerOptions { UndecidedRecheckSeconds = 2 }, labels).ElementAt));
    }

    [Fact]
    public void A_shorter_re_check_also_shortens_the_undecided_one()
    {
        var options = new TrackerOptions { RecheckSeconds = 0.4 }; // 2 frames; UndecidedRecheckSeconds stays 1 (5 frames)
        var asked = Asked(options, Frames(10, FaceLabel.Unknown));
        Assert.Equal([0, 2, 4, 6, 8], Enumerable.Range(0, asked.Count).Where(i => asked[i]));
    }

    [Fact]
    public void Loss_risk_puts_a_face_leaving_the_frame_first_then_the_lowest_detector_score()
    {
        var tracker = new FaceTracker(new TrackerOptions());
        // Four faces seen twice: a sure one in the middle, an unsure one, one walking out on the left, one standing at the edge.
        RawFace[] first = [Raw(300, 100, 0.95f), Raw(400, 100, 0.5f), Raw(30, 100, 0.9f), Raw(0, 250, 0.9f)];
        RawFace[] second = [first[0], first[1], Raw(5, 100, 0.9f), first[3]];
        tracker.Update(first);
        tracker.Update(second);
        var risk = Enumerable.Range(0, 4).Select(i => JudgementPolicy.LossRisk(tracker.Assignments[i]!, second[i], 640, 360)).ToArray();
        Assert.Equal(0.05f, risk[0], 1e-5f);
        Assert.Equal(0.5f, risk[1], 1e-5f);
        Assert.True(risk[2] > 1f, $"leaving: {risk[2]}");
        Assert.Equal(0.1f, risk[3], 1e-5f);    // at the border but not moving: not leaving
    }

    private static RawFace Raw(float x, float y, float score) => new(new CctvMask.Vision.Geometry.BoxF(x, y, 40, 40), score, default);

    [Fact]
    public void A_re_check_that_disagrees_keeps_re_checking_at_the_short_interval_until_the_verdict_is_confident()
    {
        var options = new TrackerOptions(); // ConfidentMargin 2, RecheckSeconds 2, ConfidentRecheckSeconds 10
        var labels = Frames(40, FaceLabel.WithMask);
        for (int f = 10; f < 40; f++) labels[f] = FaceLabel.WithoutMask; // someone else now, or the mask came off
        var asked = Asked(options, labels);
        // Judged at frame 0; the re-check at 10 disagrees (a tie: no verdict), 20 makes it Unmasked, 30 confident (by 2).
        Assert.Equal([0, 10, 20, 30], Enumerable.Range(0, asked.Count).Where(i => asked[i]));
    }

    [Theory]
    [InlineData(1, 1, true)]
    [InlineData(2, 2, true)]
    [InlineData(2, 1, false)]
    public void Early_judgements_must_cover_the_votes_a_verdict_needs(int minVotes, int maxEarly, bool valid)
    {
        var options = new TrackerOptions { MinJudgedVotes = minVotes, MaxEarlyJudgements = maxEarly };
        var results = new List<ValidationResult>();
        Assert.Equal(valid, Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
    }
}

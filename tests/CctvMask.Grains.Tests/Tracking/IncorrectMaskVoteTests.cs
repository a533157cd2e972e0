using CctvMask.Grains.Compliance;
using CctvMask.Grains.Tests.Support;
using CctvMask.Grains.Tracking;
using CctvMask.Grains.Violations;
using CctvMask.Abstractions.Violations;
using CctvMask.Vision.Detection;

namespace CctvMask.Grains.Tests.Tracking;

/// <summary>The third state (mask below the nose) in the track's vote, compliance counting and the violation policy.</summary>
public sealed class IncorrectMaskVoteTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static FaceTrack Voted(params FaceLabel[] votes)
    {
        var tracker = new FaceTracker(new TrackerOptions { ConfirmHits = 1, MinJudgedVotes = 2, MaxMissedFrames = 100 });
        foreach (var label in votes)
            tracker.UpdateJudged([Faces.At(100, 100, label: label)]);
        return Assert.Single(tracker.Assignments.ToArray(), t => t is not null)!;
    }

    [Fact]
    public void A_track_voting_mostly_incorrect_has_the_incorrect_verdict_and_its_mean_probability()
    {
        var track = Voted(FaceLabel.Incorrect, FaceLabel.WithMask, FaceLabel.Incorrect, FaceLabel.Unknown, FaceLabel.Incorrect);

        Assert.Equal(MaskVerdict.Incorrect, track.Verdict);
        Assert.Equal((1, 0, 3, 1), (track.MaskedVotes, track.UnmaskedVotes, track.IncorrectVotes, track.UnknownVotes));
        Assert.Equal(4, track.DecidedVotes);
        Assert.Equal(2, track.VoteMargin);
        Assert.Equal(0.85f, track.IncorrectConfidence, 4);
    }

    [Theory]
    [InlineData(new[] { FaceLabel.Incorrect, FaceLabel.WithoutMask }, MaskVerdict.Unknown)]           // a tie for the lead
    [InlineData(new[] { FaceLabel.Incorrect }, MaskVerdict.Unknown)]                                 // too few votes
    [InlineData(new[] { FaceLabel.Incorrect, FaceLabel.WithoutMask, FaceLabel.WithoutMask }, MaskVerdict.Unmasked)]
    [InlineData(new[] { FaceLabel.Incorrect, FaceLabel.WithMask, FaceLabel.WithMask }, MaskVerdict.Masked)]
    [InlineData(new[] { FaceLabel.Incorrect, FaceLabel.Incorrect, FaceLabel.WithMask, FaceLabel.WithoutMask }, MaskVerdict.Incorrect)] // plurality
    public void The_verdict_is_the_plurality_of_the_three_classes(FaceLabel[] votes, MaskVerdict expected) =>
        Assert.Equal(expected, Voted(votes).Verdict);

    [Theory]
    [InlineData(true, 0, 1)]
    [InlineData(false, 1, 0)]
    public void Compliance_counts_an_incorrect_person_as_unmasked_by_default_or_as_masked(bool nonCompliant, int masked, int unmasked)
    {
        var track = Voted(FaceLabel.Incorrect, FaceLabel.Incorrect);
        var counter = new ComplianceCounter("cam-1", nonCompliant);
        counter.Advance(T0);
        counter.Observe(track, T0);

        var delta = counter.Flush()!;

        Assert.Equal((1, masked, unmasked, 0), (delta.People, delta.Masked, delta.Unmasked, delta.Unknown));
        var hour = Assert.Single(counter.PeriodDeltas, d => d.Period == CountPeriod.Hour);
        Assert.Equal((masked, unmasked), (hour.Masked, hour.Unmasked));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_incorrect_track_raises_a_violation_of_kind_incorrect_unless_switched_off(bool incorrectIsViolation)
    {
        var policy = new ViolationPolicy(new ViolationOptions { IncorrectMaskIsViolation = incorrectIsViolation });
        var track = Voted(FaceLabel.Incorrect, FaceLabel.Incorrect);

        Assert.Equal(incorrectIsViolation, policy.ShouldRaise(track, T0));
        Assert.Equal(incorrectIsViolation ? ViolationKind.Incorrect : null, policy.KindOf(MaskVerdict.Incorrect));
        Assert.Equal(ViolationKind.Unmasked, policy.KindOf(MaskVerdict.Unmasked));
        Assert.Null(policy.KindOf(MaskVerdict.Masked));
    }
}

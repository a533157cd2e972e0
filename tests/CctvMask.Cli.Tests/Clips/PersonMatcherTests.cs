using CctvMask.Cli.Clips;
using CctvMask.Cli.Eval;
using CctvMask.Grains.Tracking;
using CctvMask.Vision.Evaluation;
using CctvMask.Vision.Geometry;

namespace CctvMask.Cli.Tests.Clips;

/// <summary>
/// Track-level accuracy person by person: a counted person is matched to the ground-truth face of the segment showing
/// their last frame, in the analysed frame's pixels, and their verdict checked against its class.
/// </summary>
public sealed class PersonMatcherTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly VideoGroundTruth _truth;

    public PersonMatcherTests()
    {
        // A 1280x720 clip at 10 fps: frames 0-19 show a masked and an unmasked face, 20-39 one face worn incorrectly.
        var path = _dir.File("gt.json");
        File.WriteAllText(path, """
            {"video": "clip.mp4", "width": 1280, "height": 720, "fps": 10, "frames": 40, "source": "test",
             "segments": [
               {"image": "a", "first_frame": 0, "last_frame": 19, "faces": [
                 {"label": "with_mask", "box": [100, 100, 160, 170]},
                 {"label": "without_mask", "box": [600, 300, 660, 370]}]},
               {"image": "b", "first_frame": 20, "last_frame": 39, "faces": [
                 {"label": "mask_weared_incorrect", "box": [100, 100, 160, 170]}]}]}
            """);
        _truth = VideoGroundTruth.Read(path);
    }

    public void Dispose() => _dir.Dispose();

    // Analysed at 5 fps and 640x360: analysed frame n shows clip frame 2n, boxes are half the truth's.
    private PersonMatcher Matcher() => new(_truth, f => f * 2, 640, 360);

    private static TrackedPerson Person(long id, long lastFrame, BoxF box, MaskVerdict verdict, int masked = 0, int unmasked = 0) =>
        new(id, 0, lastFrame, box, masked, unmasked, 0, 0, verdict);

    private static readonly BoxF MaskedFace = new(50, 50, 30, 35);
    private static readonly BoxF UnmaskedFace = new(301, 151, 30, 35);

    [Fact]
    public void A_person_is_the_face_of_their_last_frames_segment_at_the_analysed_scale()
    {
        var m = Matcher();
        Assert.Equal((0, 0, GroundTruthClass.WithMask), m.Match(Person(1, 9, MaskedFace, MaskVerdict.Masked)));
        Assert.Equal((0, 1, GroundTruthClass.WithoutMask), m.Match(Person(2, 9, UnmaskedFace, MaskVerdict.Masked)));
        // Same place, frame 10 = clip frame 20: the next photo's face.
        Assert.Equal((1, 0, GroundTruthClass.Incorrect), m.Match(Person(3, 10, MaskedFace, MaskVerdict.Masked)));
        // At the truth's own scale the box would be elsewhere: no face there.
        Assert.Null(m.Match(Person(4, 9, new BoxF(100, 100, 60, 70), MaskVerdict.Masked)));
        // Past every segment.
        Assert.Null(m.Match(Person(5, 20, MaskedFace, MaskVerdict.Masked)));
    }

    [Fact]
    public void A_box_overlapping_less_than_the_threshold_is_no_match()
    {
        var m = Matcher();
        // IoU of a 30x35 box shifted by 20 px: 10x35 / (2*1050 - 350) = 0.2.
        Assert.Null(m.Match(Person(1, 0, MaskedFace with { X = 70 }, MaskVerdict.Masked)));
        Assert.NotNull(m.Match(Person(1, 0, MaskedFace with { X = 60 }, MaskVerdict.Masked)));
    }

    [Fact]
    public void Outcomes_and_their_sums_score_every_person_once()
    {
        var m = Matcher();
        var people = new[]
        {
            Person(1, 0, MaskedFace, MaskVerdict.Masked),        // right
            Person(2, 0, UnmaskedFace, MaskVerdict.Masked),      // wrong: an unmasked person counted masked
            Person(3, 5, MaskedFace, MaskVerdict.Unknown),       // the masked face again, no verdict (counted twice)
            Person(4, 12, MaskedFace, MaskVerdict.Incorrect),    // right: the incorrect-mask face
            Person(5, 0, new BoxF(400, 10, 20, 20), MaskVerdict.Unmasked), // nobody there
        };
        Assert.Equal(
            [PersonOutcome.Right, PersonOutcome.Wrong, PersonOutcome.NoVerdict, PersonOutcome.Right, PersonOutcome.NoTruthFace],
            people.Select(p => m.Outcome(p)).ToArray());
        Assert.Equal(new PeopleAccuracy(Right: 2, Wrong: 1, NoVerdict: 1, NoTruthFace: 1, TruthPeopleFound: 3, CountedTwice: 1),
            PeopleAccuracy.Of(people, m));
    }

    [Fact]
    public void Differences_list_the_people_whose_verdicts_differ_with_their_truth()
    {
        var trackAware = new[] { Person(2, 0, UnmaskedFace, MaskVerdict.Unknown), Person(1, 0, MaskedFace, MaskVerdict.Masked, masked: 1) };
        var perFrame = new[] { Person(1, 0, MaskedFace, MaskVerdict.Masked, masked: 9), Person(2, 0, UnmaskedFace, MaskVerdict.Unmasked, unmasked: 3) };

        var d = Assert.Single(TrackEvaluation.Differences(trackAware, perFrame, Matcher()));
        Assert.Equal(2, d.Track);
        Assert.Equal("without_mask", d.Truth);
        Assert.Equal(MaskVerdict.Unknown, d.TrackAware.Verdict);
        Assert.Equal(3, d.PerFrame.Unmasked);
        Assert.Null(Assert.Single(TrackEvaluation.Differences(trackAware, perFrame, matcher: null)).Truth);
    }

    [Fact]
    public void Runs_that_tracked_different_people_are_reported_not_compared()
    {
        var one = new[] { Person(1, 0, MaskedFace, MaskVerdict.Masked) };
        var other = new[] { Person(7, 0, MaskedFace, MaskVerdict.Masked) };
        var e = Assert.Throws<InvalidOperationException>(() => TrackEvaluation.Differences(one, other, Matcher()));
        Assert.Contains("tracked differently", e.Message);
    }
}

using CctvMask.Grains.Compliance;
using CctvMask.Grains.Tests.Support;
using CctvMask.Grains.Tracking;
using CctvMask.Vision.Detection;

namespace CctvMask.Grains.Tests.Compliance;

public sealed class ComplianceCounterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static (FaceTracker Tracker, ComplianceCounter Counter) Create() =>
        (new FaceTracker(new TrackerOptions { ConfirmHits = 1, MinJudgedVotes = 1, MaxMissedFrames = 100 }), new ComplianceCounter("cam-1"));

    /// <summary>Feeds one frame at <paramref name="at"/>; returns the closed bucket, if any.</summary>
    private static ComplianceDelta? Frame(FaceTracker tracker, ComplianceCounter counter, DateTimeOffset at, params DetectedFace[] faces)
    {
        var closed = counter.Advance(at);
        tracker.UpdateJudged(faces);
        foreach (var track in tracker.Assignments)
            if (track is not null) counter.Observe(track, at);
        return closed;
    }

    [Fact]
    public void A_person_seen_in_many_frames_of_a_minute_counts_once()
    {
        var (tracker, counter) = Create();
        for (int i = 0; i < 50; i++)
            Assert.Null(Frame(tracker, counter, T0.AddSeconds(i), Faces.At(100 + i, 100, label: FaceLabel.WithMask)));
        var delta = counter.Flush()!;
        Assert.Equal(1, delta.People);
        Assert.Equal(1, delta.Masked);
        Assert.Equal(T0, delta.BucketStart);
    }

    [Fact]
    public void Minute_rollover_closes_the_bucket_and_a_long_lived_person_counts_once_per_bucket()
    {
        var (tracker, counter) = Create();
        Frame(tracker, counter, T0.AddSeconds(10), Faces.At(100, 100, label: FaceLabel.WithoutMask), Faces.At(300, 100, label: FaceLabel.WithMask));
        Frame(tracker, counter, T0.AddSeconds(59.9), Faces.At(101, 100, label: FaceLabel.WithoutMask), Faces.At(301, 100, label: FaceLabel.WithMask));
        var first = Frame(tracker, counter, T0.AddSeconds(60), Faces.At(102, 100, label: FaceLabel.WithoutMask));
        Assert.NotNull(first);
        Assert.Equal(T0, first.BucketStart);
        Assert.Equal((2, 1, 1, 0), (first.People, first.Masked, first.Unmasked, first.Unknown));
        Assert.Equal(0.5, first.Compliance);
        Assert.Equal(1.0, first.AssessableShare);

        var second = counter.Flush()!;
        Assert.Equal(T0.AddMinutes(1), second.BucketStart);
        Assert.Equal((1, 0, 1), (second.People, second.Masked, second.Unmasked));
        Assert.NotEqual(first.EventId, second.EventId);
    }

    [Fact]
    public void A_minute_without_frames_produces_no_bucket_and_the_next_frame_opens_its_own()
    {
        var (tracker, counter) = Create();
        Frame(tracker, counter, T0, Faces.At(100, 100));
        var closed = Frame(tracker, counter, T0.AddMinutes(5).AddSeconds(3), Faces.At(100, 100));
        Assert.Equal(T0, closed!.BucketStart);
        Assert.Equal(T0.AddMinutes(5), counter.BucketStart);
    }

    [Fact]
    public void Class_in_a_bucket_is_the_verdict_at_the_last_sighting()
    {
        var counter = new ComplianceCounter("cam-1");
        var t = new FaceTracker(new TrackerOptions { ConfirmHits = 1, MinJudgedVotes = 2 });
        Frame(t, counter, T0, Faces.At(100, 100, label: FaceLabel.WithMask));
        var track = t.Assignments[0]!;
        Assert.Equal(MaskVerdict.Unknown, track.Verdict);
        Frame(t, counter, T0.AddSeconds(1), Faces.At(101, 100, label: FaceLabel.WithMask));
        Assert.Equal(MaskVerdict.Masked, track.Verdict);
        var delta = counter.Flush()!;
        Assert.Equal((1, 1, 0), (delta.People, delta.Masked, delta.Unknown));
    }

    [Fact]
    public void Unknown_people_count_as_people_but_not_as_assessable()
    {
        var (tracker, counter) = Create();
        Frame(tracker, counter, T0, Faces.At(100, 100, label: FaceLabel.Unknown), Faces.At(300, 100, label: FaceLabel.WithMask));
        var delta = counter.Flush()!;
        Assert.Equal((2, 1, 0, 1), (delta.People, delta.Masked, delta.Unmasked, delta.Unknown));
        Assert.Equal(1.0, delta.Compliance);
        Assert.Equal(0.5, delta.AssessableShare);
    }

    [Fact]
    public void Tentative_tracks_are_not_counted()
    {
        var counter = new ComplianceCounter("cam-1");
        var tracker = new FaceTracker(new TrackerOptions { ConfirmHits = 3 });
        Frame(tracker, counter, T0, Faces.At(100, 100));
        Frame(tracker, counter, T0.AddSeconds(1), Faces.At(101, 100));
        Assert.Equal(0, counter.CurrentPeople);
        Frame(tracker, counter, T0.AddSeconds(2), Faces.At(102, 100));
        Assert.Equal(1, counter.CurrentPeople);
    }

    [Fact]
    public void Empty_counter_has_nothing_to_flush_and_empty_ratios_are_null()
    {
        var counter = new ComplianceCounter("cam-1");
        Assert.Null(counter.Flush());
        counter.Advance(T0);
        var delta = counter.Flush()!;
        Assert.Equal(0, delta.People);
        Assert.Null(delta.Compliance);
        Assert.Null(delta.AssessableShare);
    }

    [Fact]
    public void A_clock_step_back_counts_in_the_open_bucket()
    {
        var (tracker, counter) = Create();
        Frame(tracker, counter, T0.AddMinutes(1), Faces.At(100, 100));
        Assert.Null(Frame(tracker, counter, T0.AddSeconds(50), Faces.At(100, 100), Faces.At(300, 100)));
        var delta = counter.Flush()!;
        Assert.Equal(T0.AddMinutes(1), delta.BucketStart);
        Assert.Equal(2, delta.People);
    }

    [Fact]
    public void Observe_after_the_open_bucket_is_rejected()
    {
        var (tracker, counter) = Create();
        Frame(tracker, counter, T0, Faces.At(100, 100));
        Assert.Throws<InvalidOperationException>(() => counter.Observe(tracker.Assignments[0]!, T0.AddMinutes(2)));
    }

    [Fact]
    public void The_provisional_count_of_the_open_minute_carries_the_id_of_its_final_delta_and_does_not_close_it()
    {
        var (tracker, counter) = Create();
        Assert.Null(counter.Provisional());
        Frame(tracker, counter, T0.AddSeconds(1), Faces.At(100, 100, label: FaceLabel.WithMask));
        var early = counter.Provisional()!;
        Frame(tracker, counter, T0.AddSeconds(20), Faces.At(101, 100, label: FaceLabel.WithMask), Faces.At(400, 100, label: FaceLabel.WithoutMask));
        var later = counter.Provisional()!;
        var final = counter.Advance(T0.AddMinutes(1))!;

        Assert.Equal(1, early.People);
        Assert.Equal(2, later.People);
        Assert.Equal(final, later); // same id and counts: storage lets the final one supersede it
        Assert.Equal(early.EventId, final.EventId);
        Assert.NotEqual(final.EventId, counter.Provisional()!.EventId); // the next minute is a new event
    }

    [Fact]
    public void Hours_and_days_count_each_person_once_and_follow_their_verdict()
    {
        var tracker = new FaceTracker(new TrackerOptions { ConfirmHits = 1, MinJudgedVotes = 2, MaxMissedFrames = 1000 });
        var counter = new ComplianceCounter("cam-1");
        var periods = new List<ComplianceDelta>();
        void Frame(DateTimeOffset at, params DetectedFace[] faces)
        {
            if (counter.Advance(at) is not null) periods.AddRange(counter.PeriodDeltas);
            tracker.UpdateJudged(faces);
            foreach (var track in tracker.Assignments)
                if (track is not null) counter.Observe(track, at);
        }
        // One person for three minutes: not assessable in the first (one vote), masked from the second on.
        for (int s = 0; s < 120; s += 30)
            Frame(T0.AddMinutes(57).AddSeconds(30 + s), Faces.At(100, 100, label: FaceLabel.WithMask));
        // The next hour: the same person once more.
        Frame(T0.AddMinutes(61), Faces.At(100, 100, label: FaceLabel.WithMask));
        if (counter.Flush() is not null) periods.AddRange(counter.PeriodDeltas);

        var hours = periods.Where(p => p.Period == CountPeriod.Hour).GroupBy(p => p.BucketStart).ToDictionary(
            g => g.Key, g => (g.Sum(p => p.People), g.Sum(p => p.Masked), g.Sum(p => p.Unmasked), g.Sum(p => p.Unknown)));
        Assert.Equal((1, 1, 0, 0), hours[T0]);                // one person in the hour, not three minutes' worth
        Assert.Equal((1, 1, 0, 0), hours[T0.AddHours(1)]);   // and once in the next hour
        Assert.Contains(periods, p => p.Period == CountPeriod.Hour && p.Unknown < 0); // the verdict moved on: a correction
        var day = periods.Where(p => p.Period == CountPeriod.Day).ToArray();
        Assert.Equal((1, 1), (day.Sum(p => p.People), day.Sum(p => p.Masked)));
        Assert.All(day, p => Assert.Equal(T0.Date, p.BucketStart.UtcDateTime.Date));
        Assert.Equal(periods.Count, periods.Select(p => p.EventId).Distinct().Count());
    }
}

using CctvMask.Grains.Cameras;
using CctvMask.Grains.Compliance;
using CctvMask.Grains.Inference;
using CctvMask.Grains.Tests.Support;
using CctvMask.Grains.Tracking;
using CctvMask.Grains.Violations;
using CctvMask.Grains.Zones;
using CctvMask.Video.Frames;
using CctvMask.Vision.Detection;
using CctvMask.Vision.FaceDetection;
using CctvMask.Vision.Imaging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CctvMask.Grains.Tests.Cameras;

public sealed class CameraPipelineTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 10, 0, 30, TimeSpan.Zero);

    // One loop step as the inference loop runs it: track, judge what was asked (labels from the faces), complete.
    private static int Step(CameraPipeline pipeline, FrameBufferPool pool, DateTimeOffset now, params DetectedFace[] faces)
    {
        var models = new FixedFaceDetector();
        var raw = Array.ConvertAll(faces, f => new RawFace(f.Box, f.Score, f.Landmarks));
        var frame = pool.RentFrame(0, now);
        List<CropRequest> requests = [];
        pipeline.Track(raw, frame.Width, frame.Height, now, models, 0, requests, int.MaxValue);
        foreach (var r in requests)
        {
            var label = Array.Find(faces, f => f.Box == r.Face.Box);
            pipeline.RecordJudgement(r.Track, label, new byte[8 * 8 * 3], 8, now);
        }
        pipeline.Complete(frame, now);
        return requests.Count;
    }

    private static CameraPipeline Create(MemorySink sink, ZoneSet? zones = null, TrackerOptions? tracker = null) =>
        new("cam-1", zones, Abstractions.Privacy.PrivacyMode.Evidence, tracker ?? new TrackerOptions { ConfirmHits = 2, MinJudgedVotes = 2, MaxEarlyJudgements = 2 },
            new ViolationOptions { CooldownSeconds = 600 }, new CameraOptions { LiveFrameIntervalMilliseconds = 1000 },
            sink, sink, NullLogger.Instance);

    [Fact]
    public void Unmasked_person_gives_one_violation_with_the_judged_crop_as_evidence_and_counts_flush_on_finish()
    {
        var sink = new MemorySink();
        var pool = new FrameBufferPool(new FrameSize(320, 240));
        var pipeline = Create(sink);
        for (int f = 0; f < 20; f++)
            Step(pipeline, pool, T0.AddMilliseconds(100 * f),
                Faces.At(50 + f, 60, label: FaceLabel.WithoutMask), Faces.At(200, 60, label: FaceLabel.WithMask));

        var violation = Assert.Single(sink.Violations);
        Assert.Equal("cam-1", violation.CameraId);
        Assert.Equal(0.95f, violation.Confidence, 3);
        Assert.Equal(ImageCodec.ReadSize(violation.SnapshotJpeg), (320, 240));
        Assert.Equal(ImageCodec.ReadSize(violation.FaceJpeg), (8, 8));
        Assert.Equal(2, pipeline.PeopleInView);
        Assert.Null(pipeline.LiveView.Latest); // nobody watched: no live JPEG was made (LiveViewTests)
        Assert.Equal(0, pool.Outstanding);

        Assert.Empty(sink.Deltas);
        pipeline.Finish();
        var delta = Assert.Single(sink.Minutes);
        Assert.Equal((2, 1, 1, 0), (delta.People, delta.Masked, delta.Unmasked, delta.Unknown));
        // The hour's and the day's unique counts leave beside the minute.
        foreach (var period in new[] { CountPeriod.Hour, CountPeriod.Day })
        {
            var unique = Assert.Single(sink.Of(period));
            Assert.Equal((2, 1, 1, 0), (unique.People, unique.Masked, unique.Unmasked, unique.Unknown));
        }
    }

    [Fact]
    public void Phase_2_is_asked_for_confirmed_and_young_tracks_then_only_at_re_checks()
    {
        var sink = new MemorySink();
        var pool = new FrameBufferPool(new FrameSize(320, 240));
        var options = new TrackerOptions
        {
            ConfirmHits = 2, MinJudgedVotes = 2, MaxEarlyJudgements = 2, RecheckSeconds = 2, ConfidentMargin = 2, ConfidentRecheckSeconds = 10,
        };
        var pipeline = Create(sink, tracker: options);
        var asked = new List<int>();
        for (int f = 0; f < 60; f++) // 12 s at 5 fps, one person standing still
            asked.Add(Step(pipeline, pool, T0.AddMilliseconds(200 * f), Faces.At(100, 60, label: FaceLabel.WithMask)));

        Assert.Equal([1, 1, 0], asked.Take(3));         // first sight (tentative), a second vote on confirmation
        Assert.Equal(0, asked[3]);                        // two agreeing votes: confident
        Assert.Equal(3, asked.Sum());                     // then only the 10 s confident re-check
        Assert.Equal(1, asked[51]);                       // judged at 0.2 s, re-checked at 10.2 s
        Assert.True(asked.Count * 1 >= 5 * asked.Sum(), "at least 5x fewer crops than one per face per frame");
    }

    [Fact]
    public void A_scene_cut_counts_the_tracks_as_they_stand_and_the_next_face_at_the_same_place_is_a_new_person()
    {
        var sink = new MemorySink();
        var pool = new FrameBufferPool(new FrameSize(320, 240));
        var pipeline = Create(sink, tracker: new TrackerOptions { ConfirmHits = 2 });
        for (int f = 0; f < 5; f++)
            Step(pipeline, pool, T0.AddMilliseconds(200 * f), Faces.At(100, 60, label: FaceLabel.WithMask));
        Assert.Equal(1, pipeline.PeopleInView);

        pipeline.SceneCut(T0.AddSeconds(1));
        Assert.Equal(1, pipeline.SceneCuts);
        // Someone unmasked now stands where the masked person stood: judged afresh, not outvoted by the old votes.
        var asked = new List<int>();
        for (int f = 5; f < 10; f++)
            asked.Add(Step(pipeline, pool, T0.AddMilliseconds(200 * f), Faces.At(100, 60, label: FaceLabel.WithoutMask)));
        // A new track, judged on its first frame and, voted unmasked, once more when it confirms (a violation needs two views).
        Assert.Equal([1, 1, 0, 0, 0], asked);
        Assert.Single(sink.Violations);

        pipeline.Finish();
        var minute = Assert.Single(sink.Minutes);
        Assert.Equal((2, 1, 1, 0), (minute.People, minute.Masked, minute.Unmasked, minute.Unknown));
        Assert.Equal(0, pool.Outstanding);
    }

    [Fact]
    public void Faces_outside_every_zone_are_not_tracked_nor_counted()
    {
        var sink = new MemorySink();
        var pool = new FrameBufferPool(new FrameSize(320, 240));
        var leftHalf = new ZoneSet([new ZonePolygon("left", [0f, 0f, 0.5f, 0f, 0.5f, 1f, 0f, 1f])]);
        var pipeline = Create(sink, leftHalf);
        for (int f = 0; f < 5; f++)
            Step(pipeline, pool, T0.AddMilliseconds(200 * f), Faces.At(20, 60), Faces.At(250, 60));
        Assert.Equal(5, pipeline.FacesDetected);
        pipeline.Finish();
        Assert.Equal(1, Assert.Single(sink.Minutes).People);
    }

    [Fact]
    public void A_skipped_frame_is_disposed_and_holds_the_still_person_in_view_until_confirmed()
    {
        var sink = new MemorySink();
        var pool = new FrameBufferPool(new FrameSize(64, 64));
        var pipeline = Create(sink, tracker: new TrackerOptions { ConfirmHits = 3 });
        Step(pipeline, pool, T0, Faces.At(10, 10, size: 20));
        Assert.Equal(0, pipeline.PeopleInView);
        pipeline.Skip(pool.RentFrame(1, T0), T0.AddSeconds(1));
        Assert.Equal(0, pipeline.PeopleInView);
        pipeline.Skip(pool.RentFrame(2, T0), T0.AddSeconds(2));
        Assert.Equal(0, pool.Outstanding);
        Assert.Equal(1, pipeline.PeopleInView);       // three sightings of a still face: confirmed
        pipeline.Finish();
        Assert.Equal(1, Assert.Single(sink.Minutes).People);
    }

    [Fact]
    public void A_verdict_reached_in_a_skipped_round_raises_its_violation_on_the_skipped_frame_before_a_cut_ends_the_track()
    {
        var sink = new MemorySink();
        var pool = new FrameBufferPool(new FrameSize(64, 64));
        // Judged from confirmation, which here comes in a skipped round.
        var pipeline = Create(sink, tracker: new TrackerOptions { ConfirmHits = 2, JudgeTentativeTracks = false });
        var face = Faces.At(10, 10, size: 20, label: FaceLabel.WithoutMask);
        Step(pipeline, pool, T0, face);                               // tentative: not judged
        pipeline.Skip(pool.RentFrame(1, T0), T0.AddSeconds(0.2));     // held: confirmed
        // The loop crops the never-judged track in a skipped round (RequestUnjudged), then skips the frame.
        var track = Assert.Single(UnjudgedTracks(pipeline));
        pipeline.RecordJudgement(track, face, new byte[8 * 8 * 3], 8, T0.AddSeconds(0.4));
        Assert.Empty(sink.Violations);
        pipeline.Skip(pool.RentFrame(2, T0), T0.AddSeconds(0.4));
        Assert.Empty(sink.Violations);                                // one view: short of Cctv:Violations:MinVotes (2)
        // The next skipped round crops it again (a violator short of views), and the frame it is skipped on raises.
        Assert.Same(track, Assert.Single(UnjudgedTracks(pipeline)));
        pipeline.RecordJudgement(track, face, new byte[8 * 8 * 3], 8, T0.AddSeconds(0.6));
        pipeline.Skip(pool.RentFrame(3, T0), T0.AddSeconds(0.6));
        var violation = Assert.Single(sink.Violations);
        Assert.Equal(track.Id, violation.TrackId);
        Assert.NotEmpty(violation.SnapshotJpeg);

        pipeline.SceneCut(T0.AddSeconds(0.8));                        // the scene changes before the next analysed frame
        Assert.Single(sink.Violations);
        pipeline.Finish();
        Assert.Equal((1, 1), (Assert.Single(sink.Minutes).People, sink.Minutes[0].Unmasked));
        Assert.Equal(0, pool.Outstanding);
    }

    private static List<FaceTrack> UnjudgedTracks(CameraPipeline pipeline)
    {
        var models = new FixedFaceDetector();
        List<CropRequest> requests = [];
        var now = T0.AddSeconds(0.4);
        pipeline.RequestUnjudged(0, pipeline.FirstUnjudged(models, now), models, now, int.MaxValue, requests);
        return requests.ConvertAll(r => r.Track);
    }

    [Fact]
    public void Tick_closes_the_minute_when_frames_stop()
    {
        var sink = new MemorySink();
        var pool = new FrameBufferPool(new FrameSize(64, 64));
        var pipeline = Create(sink, tracker: new TrackerOptions { ConfirmHits = 1 });
        Step(pipeline, pool, T0, Faces.At(10, 10, size: 20));
        pipeline.Tick(T0.AddSeconds(10));
        Assert.Empty(sink.Deltas);
        pipeline.Tick(T0.AddSeconds(31));
        var delta = Assert.Single(sink.Minutes);
        Assert.Equal(1, delta.People);
    }

    [Fact]
    public void The_status_and_the_journal_read_the_open_minute_counted_at_the_tick()
    {
        var sink = new MemorySink();
        var pool = new FrameBufferPool(new FrameSize(64, 64));
        var pipeline = Create(sink, tracker: new TrackerOptions { ConfirmHits = 1 });
        Step(pipeline, pool, T0, Faces.At(10, 10, size: 20));
        Assert.Null(pipeline.OpenMinute()); // not counted before the first tick

        pipeline.Tick(T0.AddSeconds(10));
        var open = pipeline.OpenMinute();
        var journaled = Assert.Single(sink.Provisionals);
        Assert.NotNull(open);
        Assert.Equal((journaled.BucketStart, journaled.People, journaled.Masked, journaled.Unmasked),
            (open.BucketStart, open.People, open.Masked, open.Unmasked));
        Assert.Equal(1, open.People);

        Step(pipeline, pool, T0.AddSeconds(31), Faces.At(10, 10, size: 20)); // the next minute: the open one closed
        Assert.Null(pipeline.OpenMinute());
        pipeline.Tick(T0.AddSeconds(32));
        Assert.Equal(ComplianceCounter.MinuteOf(T0.AddSeconds(31)), pipeline.OpenMinute()!.BucketStart);
    }

    [Fact]
    public void The_open_minute_and_the_last_closed_one_count_who_wore_the_mask_incorrectly()
    {
        var sink = new MemorySink();
        var pool = new FrameBufferPool(new FrameSize(320, 240));
        var pipeline = Create(sink, tracker: new TrackerOptions { ConfirmHits = 1 });
        for (int f = 0; f < 3; f++)
            Step(pipeline, pool, T0.AddMilliseconds(200 * f),
                Faces.At(50, 60, label: FaceLabel.Incorrect), Faces.At(200, 60, label: FaceLabel.WithMask));

        pipeline.Tick(T0.AddSeconds(1));
        var open = pipeline.OpenMinute()!;
        Assert.Equal((2, 1, 1, 1), (open.People, open.Masked, open.Unmasked, open.Incorrect)); // incorrect counts as unmasked

        Step(pipeline, pool, T0.AddSeconds(31), Faces.At(50, 60, label: FaceLabel.Incorrect)); // the minute closes
        var closed = pipeline.LastClosedBucket!;
        Assert.Equal((2, 1), (closed.People, closed.Incorrect));
        Assert.Equal(closed.Incorrect, Assert.Single(sink.Minutes).Incorrect);
    }

    [Fact]
    public void A_frame_completed_after_its_round_crossed_a_minute_counts_in_the_new_minute_and_closes_the_old_one()
    {
        var sink = new MemorySink();
        var pool = new FrameBufferPool(new FrameSize(320, 240));
        var pipeline = Create(sink);
        var lastSecond = new DateTimeOffset(2026, 11, 25, 10, 0, 59, TimeSpan.Zero);
        for (int f = 0; f < 3; f++)
            Step(pipeline, pool, lastSecond.AddMilliseconds(100 * f), Faces.At(50, 60, label: FaceLabel.WithMask));

        // Tracked at 10:00:59.5, completed at 10:01:00.2 (a slow round): no error, the 10:00 minute is closed.
        var frame = pool.RentFrame(3, lastSecond.AddMilliseconds(500));
        List<CropRequest> requests = [];
        pipeline.Track([new RawFace(Faces.At(50, 60).Box, 0.9f, default)], frame.Width, frame.Height, lastSecond.AddMilliseconds(500),
            new FixedFaceDetector(), 0, requests, int.MaxValue);
        pipeline.Complete(frame, lastSecond.AddMilliseconds(1200));

        Assert.Equal(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero), Assert.Single(sink.Minutes).BucketStart);
        Assert.Equal(0, pool.Outstanding);
        Assert.Equal(1, pipeline.PeopleThisMinute);
    }
}

using CctvMask.Abstractions.Privacy;
using CctvMask.Grains.Cameras;
using CctvMask.Grains.Inference;
using CctvMask.Grains.Tests.Support;
using CctvMask.Grains.Tracking;
using CctvMask.Grains.Violations;
using CctvMask.Vision.FaceDetection;
using CctvMask.Vision.Geometry;
using Microsoft.Extensions.Logging.Abstractions;

namespace CctvMask.Grains.Tests.Inference;

/// <summary>The per-frame phase-2 budget (<see cref="InferenceLoopOptions.MaxCropsPerFrame"/>) and the crops deferred to skipped frames.</summary>
public sealed class CropBudgetTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 4, 10, 0, 10, TimeSpan.Zero);

    // A face is a person (and wants its crop) on its first frame, and a young track wants a second vote: ConfirmHits 1,
    // two early votes (the defaults judge a track from the frame that confirms it, once).
    private static readonly TrackerOptions Tracking = new() { ConfirmHits = 1, MinJudgedVotes = 2, MaxEarlyJudgements = 2 };

    private static CameraPipeline Pipeline(string id, MemorySink sink) =>
        new(id, null, PrivacyModes.Default, Tracking, new ViolationOptions(), new CameraOptions(), sink, sink, NullLogger.Instance);

    private static RawFace[] Faces(int count) =>
        [.. Enumerable.Range(0, count).Select(j => new RawFace(new BoxF(20 + 60 * j, 80, 48, 48), 0.9f, default))];

    [Fact]
    public void A_frame_asks_for_at_most_its_budget_and_never_judged_tracks_go_first()
    {
        var models = new FixedFaceDetector();
        var pipeline = Pipeline("cam", new MemorySink());
        var faces = Faces(5);
        List<CropRequest> requests = [];

        pipeline.Track(faces, 640, 360, T0, models, 0, requests, maxCrops: 2);
        Assert.Equal(2, requests.Count);
        var judgedFirst = requests.Select(r => r.Track).ToHashSet();
        foreach (var r in requests) pipeline.RecordJudgement(r.Track, default, new byte[8 * 8 * 3], 8, T0);

        // The two judged tracks still want early votes, but the three never judged come before them.
        requests.Clear();
        pipeline.Track(faces, 640, 360, T0.AddSeconds(0.2), models, 0, requests, maxCrops: 2);
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Null(r.Track.LastJudgedAt));
        Assert.DoesNotContain(requests, r => judgedFirst.Contains(r.Track));

        // Without a cap the same frame asks for every face that wants a crop: 3 unjudged + 2 early votes.
        requests.Clear();
        pipeline.Track(faces, 640, 360, T0.AddSeconds(0.4), models, 0, requests, maxCrops: int.MaxValue);
        Assert.Equal(5, requests.Count);
    }

    [Fact]
    public void Capped_re_checks_go_to_the_tracks_judged_longest_ago()
    {
        var models = new FixedFaceDetector();
        var pipeline = Pipeline("cam", new MemorySink());
        var faces = Faces(4);
        List<CropRequest> requests = [];
        pipeline.Track(faces, 640, 360, T0, models, 0, requests, maxCrops: int.MaxValue);
        // Judged at different times: face 2 longest ago, then face 0.
        int[] secondsAgo = [20, 5, 30, 10];
        foreach (var r in requests)
            pipeline.RecordJudgement(r.Track, default, new byte[8 * 8 * 3], 8, T0.AddSeconds(-secondsAgo[Array.FindIndex(faces, f => f.Box == r.Face.Box)]));

        requests.Clear();
        pipeline.Track(faces, 640, 360, T0.AddSeconds(60), models, 0, requests, maxCrops: 2);
        Assert.Equal([faces[2].Box, faces[0].Box], requests.Select(r => r.Face.Box));
    }

    [Fact]
    public void A_skipped_frame_serves_only_tracks_never_judged_at_their_last_boxes()
    {
        var models = new FixedFaceDetector();
        var pipeline = Pipeline("cam", new MemorySink());
        var faces = Faces(5);
        List<CropRequest> requests = [];
        pipeline.Track(faces, 640, 360, T0, models, 0, requests, maxCrops: 3);
        foreach (var r in requests) pipeline.RecordJudgement(r.Track, default, new byte[8 * 8 * 3], 8, T0);
        int first = pipeline.FirstUnjudged(models, T0);
        Assert.Equal(3, first); // faces 0-2 were judged, in face order

        requests.Clear();
        Assert.Equal(1, pipeline.RequestUnjudged(4, first, models, T0, 1, requests));
        requests.Clear();
        Assert.Equal(2, pipeline.RequestUnjudged(4, first, models, T0, 8, requests));
        Assert.All(requests, r => Assert.Equal(4, r.Frame));
        Assert.Equal([faces[3].Box, faces[4].Box], requests.Select(r => r.Face.Box));
        foreach (var r in requests) pipeline.RecordJudgement(r.Track, default, new byte[8 * 8 * 3], 8, T0);
        Assert.Equal(-1, pipeline.FirstUnjudged(models, T0));
        Assert.Equal(0, pipeline.RequestUnjudged(4, -1, models, T0, 8, requests));
    }

    [Fact]
    public void A_skipped_frame_looks_at_each_track_in_view_once_and_asks_for_the_same_crops_as_a_full_scan()
    {
        var models = new FixedFaceDetector();
        var pipeline = Pipeline("cam", new MemorySink());
        var faces = Faces(6);
        List<CropRequest> requests = [];
        pipeline.Track(faces, 640, 360, T0, models, 0, requests, maxCrops: 1);
        foreach (var r in requests) pipeline.RecordJudgement(r.Track, default, new byte[8 * 8 * 3], 8, T0);

        // The gate's check, then the round's requests: the five unjudged faces are sized once each and the gate's hit once
        // more (the gate stopped at face 1, the requests resumed there); a full check then a full request sized them twice (10).
        int checksBefore = models.SizeChecks;
        int first = pipeline.FirstUnjudged(models, T0);
        requests.Clear();
        Assert.Equal(5, pipeline.RequestUnjudged(4, first, models, T0, 8, requests));
        Assert.Equal(1, first);
        Assert.Equal(5 + 1, models.SizeChecks - checksBefore);

        List<CropRequest> fromStart = [];
        pipeline.RequestUnjudged(4, 0, models, T0, 8, fromStart);
        Assert.Equal(fromStart, requests);
    }

    [Fact]
    public async Task A_burst_of_new_faces_is_judged_over_the_following_skipped_frames_without_more_phase_1()
    {
        var models = new FixedFaceDetector { FacesPerFrame = 10 };
        await using var loop = Loops.Create(models, new InferenceLoopOptions { MaxCropsPerFrame = 4, MotionMaxSkipSeconds = 3600 });
        var source = new FakeFrameSource(1280, 360);
        var sink = new MemorySink();
        var feed = loop.Attach(new CameraConfig("cam", "rtsp://x/y"), source, Pipeline("cam", sink));
        for (int f = 0; f < 6; f++)
        {
            source.Publish(128);   // the same picture: nothing moves after the first frame
            await Loops.Until(() => feed.FramesAnalysed + feed.FramesSkipped + source.Dropped == f + 1);
        }

        Assert.Equal(1, models.Frames);                  // phase 1 ran on the first frame only
        Assert.Equal(10, models.Crops);                  // 4 on it, then 4 and 2 on skipped frames: each face once
        Assert.Equal(feed.FramesTaken - 1, feed.FramesSkipped);
        Assert.All(models.Calls.Where(c => c.StartsWith("classify ", StringComparison.Ordinal)), c => Assert.InRange(int.Parse(c[9..]), 0, 4));
        await loop.DetachAsync(feed);
        await source.DisposeAsync();
        Assert.Equal(0, source.Pool.Outstanding);
    }
}

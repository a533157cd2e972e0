using CctvMask.Grains.Compliance;
using CctvMask.Abstractions.Violations;
using CctvMask.Grains.Cameras;
using CctvMask.Grains.Inference;
using CctvMask.Grains.Tests.Support;
using CctvMask.Grains.Tracking;
using CctvMask.Grains.Violations;
using CctvMask.Video.Frames;
using CctvMask.Vision.Detection;
using CctvMask.Vision.FaceDetection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CctvMask.Grains.Tests.Cameras;

/// <summary>A person wearing the mask below the nose, through the whole camera pipeline.</summary>
public sealed class IncorrectMaskPipelineTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 10, 0, 30, TimeSpan.Zero);

    private static void Step(CameraPipeline pipeline, FrameBufferPool pool, DateTimeOffset now, params DetectedFace[] faces)
    {
        var raw = Array.ConvertAll(faces, f => new RawFace(f.Box, f.Score, f.Landmarks));
        var frame = pool.RentFrame(0, now);
        List<CropRequest> requests = [];
        pipeline.Track(raw, frame.Width, frame.Height, now, new FixedFaceDetector(), 0, requests, int.MaxValue);
        foreach (var r in requests)
            pipeline.RecordJudgement(r.Track, Array.Find(faces, f => f.Box == r.Face.Box), new byte[8 * 8 * 3], 8, now);
        pipeline.Complete(frame, now);
    }

    private static (MemorySink Sink, CameraPipeline Pipeline) Run(ViolationOptions violations)
    {
        var sink = new MemorySink();
        var pool = new FrameBufferPool(new FrameSize(320, 240));
        var pipeline = new CameraPipeline("cam-1", null, Abstractions.Privacy.PrivacyMode.Evidence,
            new TrackerOptions { ConfirmHits = 2, MinJudgedVotes = 2, MaxEarlyJudgements = 2 }, violations,
            new CameraOptions { LiveFrameIntervalMilliseconds = 1000 }, sink, sink, NullLogger.Instance);
        for (int f = 0; f < 20; f++)
            Step(pipeline, pool, T0.AddMilliseconds(100 * f),
                Faces.At(50 + f, 60, label: FaceLabel.Incorrect), Faces.At(200, 60, label: FaceLabel.WithMask));
        pipeline.Finish();
        Assert.Equal(0, pool.Outstanding);
        return (sink, pipeline);
    }

    [Fact]
    public void A_track_judged_incorrect_raises_one_violation_of_kind_incorrect_and_counts_as_unmasked_and_as_incorrect()
    {
        var (sink, _) = Run(new ViolationOptions { CooldownSeconds = 600 });

        var violation = Assert.Single(sink.Violations);
        Assert.Equal(ViolationKind.Incorrect, violation.Kind);
        Assert.Equal(0.85f, violation.Confidence, 3);   // mean p(mask_incorrect), not p(without_mask)
        var minute = Assert.Single(sink.Minutes);
        Assert.Equal((2, 1, 1, 0, 1), (minute.People, minute.Masked, minute.Unmasked, minute.Unknown, minute.Incorrect));
        Assert.Equal(1.0 / 2, minute.Compliance);                 // the ratio is as before: incorrect is in unmasked
        Assert.Equal(1, Assert.Single(sink.Of(CountPeriod.Hour)).Incorrect); // the unique count of the hour too
        Assert.Equal(1, Assert.Single(sink.Of(CountPeriod.Day)).Incorrect);
    }

    [Fact]
    public void With_both_switches_off_an_incorrect_track_raises_nothing_and_counts_as_masked_and_as_incorrect()
    {
        var (sink, pipeline) = Run(new ViolationOptions { CooldownSeconds = 600, IncorrectMaskIsViolation = false, IncorrectMaskIsNonCompliant = false });

        Assert.Empty(sink.Violations);
        Assert.Equal(0, pipeline.Violations);
        var minute = Assert.Single(sink.Minutes);
        Assert.Equal((2, 2, 0, 0, 1), (minute.People, minute.Masked, minute.Unmasked, minute.Unknown, minute.Incorrect));
    }
}

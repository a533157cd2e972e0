using CctvMask.Grains.Cameras;
using CctvMask.Grains.Tests.Support;
using CctvMask.Grains.Tracking;
using CctvMask.Grains.Violations;
using CctvMask.Vision.Detection;
using CctvMask.Vision.Imaging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CctvMask.Grains.Tests.Cameras;

public sealed class CameraPipelineTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 10, 0, 30, TimeSpan.Zero);

    [Fact]
    public void Unmasked_person_gives_one_violation_with_evidence_and_counts_flush_on_finish()
    {
        var sink = new MemorySink();
        using var pipeline = new CameraPipeline("cam-1",
            new TrackerOptions { ConfirmHits = 2, MinJudgedVotes = 2 },
            new ViolationOptions { CooldownSeconds = 600, FaceCropSize = 32 },
            new CameraOptions { LiveFrameIntervalMilliseconds = 1000 },
            sink, sink, NullLogger.Instance);
        using var image = BgrImage.Create(320, 240);

        for (int f = 0; f < 20; f++)
        {
            pipeline.Process(image.AsFrame(),
                [Faces.At(50 + f, 60, label: FaceLabel.WithoutMask), Faces.At(200, 60, label: FaceLabel.WithMask)],
                T0.AddMilliseconds(100 * f));
        }

        var violation = Assert.Single(sink.Violations);
        Assert.Equal("cam-1", violation.CameraId);
        Assert.Equal(0.95f, violation.Confidence, 3);
        Assert.Equal((320, 240), (violation.FrameWidth, violation.FrameHeight));
        Assert.Equal(ImageCodec.ReadSize(violation.SnapshotJpeg), (320, 240));
        Assert.Equal(ImageCodec.ReadSize(violation.FaceJpeg), (32, 32));
        Assert.Equal(2, pipeline.PeopleInView);
        Assert.Equal(2, pipeline.PeopleThisMinute);
        Assert.NotNull(pipeline.LatestFrame);
        Assert.Equal(ImageCodec.ReadSize(pipeline.LatestFrame!.Jpeg), (320, 240));

        Assert.Empty(sink.Deltas);
        pipeline.Finish();
        var delta = Assert.Single(sink.Deltas);
        Assert.Equal((2, 1, 1, 0), (delta.People, delta.Masked, delta.Unmasked, delta.Unknown));
        Assert.Equal(0, pipeline.PeopleInView);
    }

    [Fact]
    public void Tick_closes_the_minute_when_frames_stop()
    {
        var sink = new MemorySink();
        using var pipeline = new CameraPipeline("cam-1", new TrackerOptions { ConfirmHits = 1 }, new ViolationOptions(), new CameraOptions(),
            sink, sink, NullLogger.Instance);
        using var image = BgrImage.Create(64, 64);
        pipeline.Process(image.AsFrame(), [Faces.At(10, 10, size: 20)], T0);
        pipeline.Tick(T0.AddSeconds(10));
        Assert.Empty(sink.Deltas);
        pipeline.Tick(T0.AddSeconds(31));
        var delta = Assert.Single(sink.Deltas);
        Assert.Equal(1, delta.People);
        Assert.Equal(pipeline.LastClosedBucket, delta);
    }
}

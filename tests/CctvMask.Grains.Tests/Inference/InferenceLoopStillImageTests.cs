using CctvMask.Grains.Cameras;
using CctvMask.Grains.Inference;
using CctvMask.Grains.Tests.Support;
using CctvMask.Grains.Tracking;
using CctvMask.Grains.Violations;
using CctvMask.Vision.Detection;
using CctvMask.Vision.Imaging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CctvMask.Grains.Tests.Inference;

/// <summary>Uploaded images (<c>POST /api/detect</c>) go through the cameras' inference loop.</summary>
public sealed class InferenceLoopStillImageTests
{
    private static InferenceLoop Loop(IFaceModels models, InferenceLoopOptions? options = null) => Loops.Create(models, options);

    private static BgrFrame Image() => new(new byte[320 * 240 * 3], 320, 240);

    private static Task Until(Func<bool> condition) => Loops.Until(condition);

    [Fact]
    public async Task Every_face_of_an_upload_is_judged_beside_a_streaming_camera_even_past_the_rounds_crop_budget()
    {
        var models = new FixedFaceDetector { FacesPerFrame = 5, TinyFaces = 1 };
        await using var loop = Loop(models, new InferenceLoopOptions { MaxCropsPerRound = 2 });
        var source = new FakeFrameSource();
        var sink = new MemorySink();
        var feed = loop.Attach(new CameraConfig("cam-a", "rtsp://x/y", MotionGating: false), source,
            new CameraPipeline("cam-a", null, new TrackerOptions(), new ViolationOptions(), new CameraOptions(), sink, sink, NullLogger.Instance));
        using var publishing = new CancellationTokenSource();
        var publisher = Task.Run(async () =>
        {
            for (byte f = 0; !publishing.IsCancellationRequested; f++) { source.Publish(f); await Task.Delay(5); }
        });

        await Until(() => feed.FramesAnalysed > 3);
        var faces = await loop.DetectAsync(Image(), 0, CancellationToken.None);
        long analysedAfter = feed.FramesAnalysed;
        await Until(() => feed.FramesAnalysed > analysedAfter + 3);   // the camera goes on
        publishing.Cancel();
        await publisher;
        await loop.DetachAsync(feed);
        await source.DisposeAsync();

        Assert.Equal(6, faces.Length);
        Assert.Equal(5, faces.Count(f => f.Label == FaceLabel.WithoutMask && f.MaskProbability == 0.1f));
        var tiny = Assert.Single(faces, f => f.Label == FaceLabel.Unknown);
        Assert.True(float.IsNaN(tiny.MaskProbability));
        Assert.Equal(8, tiny.Box.Width);
        Assert.Equal(0, source.Pool.Outstanding);
    }

    [Fact]
    public async Task An_upload_withdrawn_before_its_round_is_never_analysed_and_one_waiting_when_the_loop_stops_fails_clearly()
    {
        using var gate = new ManualResetEventSlim(false);
        var models = new FixedFaceDetector { Gate = gate };
        var loop = Loop(models);
        var first = loop.DetectAsync(Image(), 0, CancellationToken.None);
        Assert.True(await models.Entered.WaitAsync(TimeSpan.FromSeconds(30)));   // the loop is inside the first round

        using var cancel = new CancellationTokenSource();
        var withdrawn = loop.DetectAsync(Image(), 0, cancel.Token);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => withdrawn);

        var waiting = loop.DetectAsync(Image(), 0, CancellationToken.None);
        var stopping = loop.DisposeAsync().AsTask();
        gate.Set();
        await stopping;

        Assert.Single(await first);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting);
        Assert.Equal(1, models.Frames);   // neither the withdrawn nor the waiting image reached phase 1
        await Assert.ThrowsAsync<ObjectDisposedException>(() => loop.DetectAsync(Image(), 0, CancellationToken.None));
    }
}

using CctvMask.Abstractions.Privacy;
using System.Diagnostics;
using CctvMask.Grains.Cameras;
using CctvMask.Grains.Inference;
using CctvMask.Grains.Tracking;
using CctvMask.Grains.Violations;
using CctvMask.Testing;
using CctvMask.Video.Frames;
using CctvMask.Vision.Detection;
using CctvMask.Vision.FaceDetection;
using CctvMask.Vision.Imaging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CctvMask.Grains.Tests.Support;

/// <summary>
/// A whole clip through the real models and one <see cref="CameraPipeline"/>, step by step as the
/// inference loop drives it (scene cut, phase 1, track, crop and judge what the tracker asks, complete), on a
/// simulated clock at the clip's sampled rate: what a camera on that clip would record.
/// </summary>
internal static class ClipRun
{
    /// <summary>Simulated time of the first frame.</summary>
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Decodes the clip at <paramref name="fps"/>, scaled to width × height, <paramref name="loops"/> times over.</summary>
    public static async Task<MemorySink> RunAsync(string clip, int width, int height, double fps, int loops,
        ViolationOptions violations, TrackerOptions? tracker = null, EvidenceWorker? evidence = null)
    {
        var frames = await DecodeAsync(clip, width, height, fps);
        var sink = new MemorySink();
        // The silo's own detector settings (what a camera on the server runs), models from the test folder.
        using var detector = new TwoPhaseDetector(DetectorLoader.WithModelFolder(new TwoPhaseDetectorOptions(), TestEnvironment.ModelsDir));
        var models = new TwoPhaseFaceModels(detector);
        var pipeline = new CameraPipeline("clip", null, PrivacyMode.Evidence, tracker ?? new TrackerOptions(), violations,
            new CameraOptions { LiveFrameIntervalMilliseconds = 60_000 }, sink, sink, NullLogger.Instance, evidence: evidence);
        var pool = new FrameBufferPool(new FrameSize(width, height));
        var faces = new RawFace[models.MaxFaces];
        var counts = new int[1];
        var phaseTwo = new PhaseTwoBatch(models, new InferenceLoopOptions().MaxCropsPerRound);
        var requests = new List<CropRequest>();
        // The loop's scene-cut rule (CameraFeed.Gate): each frame's motion thumbnail against the last.
        var loopOptions = new InferenceLoopOptions();
        var thumbnails = new MotionThumbnails(loopOptions);
        long n = 0;
        for (int loop = 0; loop < loops; loop++)
        {
            foreach (var pixels in frames)
            {
                var now = Start + TimeSpan.FromSeconds(n / fps);
                var frame = pool.RentFrame(n++, now);
                pixels.CopyTo(frame.Span);
                var view = frame.AsBgrFrame();
                thumbnails.Take(view);
                if (thumbnails.IsSceneCut(loopOptions)) pipeline.SceneCut(now);
                thumbnails.Keep();
                int total = models.DetectFaces([view], [0], faces, counts);
                requests.Clear();
                pipeline.Track(faces.AsSpan(0, total), width, height, now, models, 0, requests, new InferenceLoopOptions().MaxCropsPerFrame);
                phaseTwo.Clear();
                phaseTwo.CropRequests([view], requests);
                phaseTwo.RecordJudgements(requests, _ => pipeline, now);
                pipeline.Complete(frame, now);
            }
        }
        pipeline.Finish();
        return sink;
    }

    private static async Task<List<byte[]>> DecodeAsync(string path, int width, int height, double fps)
    {
        var psi = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-v", "error", "-i", path, "-vf", FormattableString.Invariant($"fps={fps},scale={width}:{height}"),
                     "-f", "rawvideo", "-pix_fmt", "bgr24", "-" })
            psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var frames = new List<byte[]>();
        var stream = process.StandardOutput.BaseStream;
        while (true)
        {
            var frame = new byte[width * height * 3];
            try { await stream.ReadExactlyAsync(frame); }
            catch (EndOfStreamException) { break; }
            frames.Add(frame);
        }
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await stderr);
        return frames;
    }
}

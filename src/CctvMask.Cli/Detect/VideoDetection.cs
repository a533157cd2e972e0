using CctvMask.Cli.Common;
using CctvMask.Video.Ffmpeg;
using CctvMask.Video.Ingest;
using CctvMask.Video.Sources;
using CctvMask.Vision.Detection;
using CctvMask.Vision.Imaging;

namespace CctvMask.Cli.Detect;

/// <summary>
/// <c>cctvmask detect</c> on a video file, a stream URL or a capture device: frames come from the
/// Video project's ffmpeg frame source (bgr24 pipe), the annotated copy goes to a second ffmpeg.
/// </summary>
public static class VideoDetection
{
    private const string CameraId = "cli";

    private static readonly IReadOnlySet<string> VideoOutputExtensions =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".mp4", ".mkv", ".avi", ".mov", ".webm" };

    /// <summary>Runs detection over the stream until it ends, <c>--max-frames</c>, or Ctrl+C.</summary>
    public static async Task<int> RunAsync(CliContext context, DetectRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (request.Output is not null && !VideoOutputExtensions.Contains(Path.GetExtension(request.Output)))
            throw new CliException($"{request.Output}: annotated video output must be .mp4, .mkv, .avi, .mov or .webm");

        var source = new CameraSource(CameraId, request.Input)
        {
            DetectFps = request.Fps,
            AnalysisSize = AnalysisSize.Native,
            Playback = FilePlayback.Once,
        };
        var ingest = new IngestOptions { ReadTimeout = timeout, ProbeTimeout = timeout };

        // The source is opened before the models are loaded: a bad URL is reported without needing models.
        await using var frames = await FfmpegFrameSource.OpenAsync(source, ingest, cancellationToken: cancellationToken).ConfigureAwait(false);
        using var detector = request.LoadDetector();
        FfmpegVideoWriter? writer = request.Output is null
            ? null
            : FfmpegVideoWriter.Start(request.Output, frames.FrameSize.Width, frames.FrameSize.Height, request.Fps);
        long count = 0, faceCount = 0;
        try
        {
            await foreach (var frame in frames.ReadFramesAsync(cancellationToken).ConfigureAwait(false))
            {
                using (frame)
                {
                    var bgr = new BgrFrame(frame.Data, frame.Width, frame.Height);
                    var faces = detector.DetectOne(bgr).ToArray();
                    faceCount += faces.Length;
                    if (writer is not null)
                    {
                        using var image = BgrImage.CopyFrom(bgr);
                        FrameAnnotator.Draw(image, faces);
                        await writer.WriteAsync(image.Memory, cancellationToken).ConfigureAwait(false);
                    }
                    if (request.Json)
                    {
                        var json = DetectionJson.Create(source.ScrubbedUrl, frame.Sequence, frame.Sequence / request.Fps, frame.Width, frame.Height, faces);
                        context.Out.WriteLine(json.ToJsonLine());
                    }
                }
                if (++count >= request.MaxFrames)
                    break;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C: stop reading, but still finish the annotated file below.
        }
        if (writer is not null)
        {
            await writer.FinishAsync().ConfigureAwait(false);
            await writer.DisposeAsync().ConfigureAwait(false);
        }
        if (count == 0)
            throw new CliException($"{source.ScrubbedUrl}: no video frames decoded");
        if (!request.Json)
            context.Out.WriteLine($"{source.ScrubbedUrl}: {count} frames, {faceCount} faces" + (request.Output is null ? "" : $" → {request.Output}"));
        return ExitCodes.Ok;
    }

    /// <summary>Unused frames stay pooled by the source; nothing else to release.</summary>
    internal static string Describe(TwoPhaseDetector detector) => DetectorSettings.Describe(detector.Options);
}

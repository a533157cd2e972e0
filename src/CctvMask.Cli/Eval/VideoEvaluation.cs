using CctvMask.Cli.Common;
using CctvMask.Video.Ffmpeg;
using CctvMask.Video.Ingest;
using CctvMask.Video.Sources;
using CctvMask.Vision.Detection;
using CctvMask.Vision.Evaluation;
using CctvMask.Vision.Imaging;

namespace CctvMask.Cli.Eval;

/// <summary>
/// <c>cctvmask eval --video FILE --groundtruth FILE</c>: every frame of a clip is an evaluated image, with
/// the faces its ground-truth segment lists — CCTV-sized frames and faces, decoded by ffmpeg as a camera is.
/// </summary>
public static class VideoEvaluation
{
    private const string SourceId = "eval";

    // A clip file opens in well under this; a hung decoder must not hang the command.
    private static readonly TimeSpan OpenTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Decodes the clip at its ground-truth frame rate and runs the detector on each frame.</summary>
    public static async Task<(List<EvaluatedImage> Frames, double MsPerFrame)> RunAsync(TwoPhaseDetector detector, string video,
        VideoGroundTruth truth, int? limit, CancellationToken ct)
    {
        if (!File.Exists(video))
            throw new CliException($"{video}: video file not found");
        var source = new CameraSource(SourceId, video)
        {
            DetectFps = truth.Fps,
            AnalysisSize = AnalysisSize.Native,
            Playback = FilePlayback.Once,
        };
        var ingest = new IngestOptions { ReadTimeout = OpenTimeout, ProbeTimeout = OpenTimeout };
        await using var frames = await FfmpegFrameSource.OpenAsync(source, ingest, cancellationToken: ct).ConfigureAwait(false);
        if (frames.FrameSize.Width != truth.Width || frames.FrameSize.Height != truth.Height)
            throw new CliException($"{video}: frames are {frames.FrameSize.Width}x{frames.FrameSize.Height}, the ground truth is for {truth.Width}x{truth.Height}");

        var evaluated = new List<EvaluatedImage>();
        double totalMs = 0;
        int max = limit ?? int.MaxValue;
        await foreach (var frame in frames.ReadFramesAsync(ct).ConfigureAwait(false))
        {
            using (frame)
            {
                var bgr = new BgrFrame(frame.Data, frame.Width, frame.Height);
                var (result, ms) = EvalCommand.DetectTimed(detector, bgr, truth.FacesAt(frame.Sequence), warmUp: evaluated.Count == 0);
                totalMs += ms;
                evaluated.Add(result);
            }
            if (evaluated.Count >= max)
                break;
        }
        if (evaluated.Count == 0)
            throw new CliException($"{video}: no video frames decoded");
        return (evaluated, totalMs / evaluated.Count);
    }
}

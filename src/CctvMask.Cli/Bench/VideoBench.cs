using System.Globalization;
using CctvMask.Cli.Clips;
using CctvMask.Cli.Common;
using CctvMask.Grains.Inference;
using CctvMask.Vision.Detection;
using CctvMask.Vision.FaceDetection;
using CctvMask.Vision.Imaging;
using Spectre.Console;

namespace CctvMask.Cli.Bench;

/// <summary>
/// <c>cctvmask bench --video FILE</c>: on the same decoded frames of a clip, in order (so tracking is real),
/// phase 1 alone (A) against the production camera path end to end — phase 1, tracker, the crops
/// <c>JudgementPolicy</c> asks for, phase 2, verdicts, minute counts, violations, live view — with track-aware
/// phase 2 (B) and with per-frame classification (C). Blocks run A B C C B A, so drift and neighbours weigh
/// on every variant alike; a window is one pass over all the frames (every variant's windows hold the same
/// frames), each block reports its median window, a variant is the mean of its two blocks. The end-to-end variants
/// also report where a frame's time goes (<see cref="ClipStages"/>), so a ratio below target names its stage.
/// </summary>
public static class VideoBench
{
    private const string Phase1 = "phase 1 only";
    private const string TrackAware = "end-to-end, track-aware phase 2";
    private const string PerFrame = "end-to-end, per-frame classification";

    /// <summary>Runs the six blocks of about <paramref name="duration"/> each.</summary>
    public static VideoBenchReport Run(TwoPhaseDetector detector, ClipFrames frames, TimeSpan duration, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(frames);
        using var models = new TwoPhaseFaceModels(detector);
        int smallFace = detector.Options.Detector.ZoomLongSide;
        var views = new BgrFrame[1];
        int[] zoom = [smallFace], counts = new int[1];
        var faces = new RawFace[models.MaxFaces];
        var track = new ClipCamera(models, JudgementMode.TrackAware, frames.Size, frames.DetectFps, smallFace);
        var perFrame = new ClipCamera(models, JudgementMode.EveryFrame, frames.Size, frames.DetectFps, smallFace);

        (int Frames, int Faces) PhaseOnePass()
        {
            int found = 0;
            for (int i = 0; i < frames.Count; i++)
            {
                ct.ThrowIfCancellationRequested();
                views[0] = frames[i];
                found += models.DetectFaces(views, zoom, faces, counts);
            }
            return (frames.Count, found);
        }

        Func<(int Frames, int Faces)> Pass(ClipCamera camera) => () =>
        {
            int found = 0;
            for (int i = 0; i < frames.Count; i++)
            {
                ct.ThrowIfCancellationRequested();
                found += camera.Step(frames[i]);
            }
            return (frames.Count, found);
        };

        var variants = new Dictionary<string, Func<(int, int)>>
        {
            [Phase1] = PhaseOnePass,
            [TrackAware] = Pass(track),
            [PerFrame] = Pass(perFrame),
        };
        string[] order = [Phase1, TrackAware, PerFrame, PerFrame, TrackAware, Phase1];
        var cameras = new Dictionary<string, ClipCamera> { [TrackAware] = track, [PerFrame] = perFrame };
        var blocks = new List<Throughput>();
        var stageBlocks = new Dictionary<string, List<IReadOnlyDictionary<string, double>>> { [TrackAware] = [], [PerFrame] = [] };
        var seen = new Dictionary<string, int>();
        foreach (var name in order)
        {
            seen[name] = seen.GetValueOrDefault(name) + 1;
            var label = string.Create(CultureInfo.InvariantCulture, $"{name} ({seen[name]})");
            cameras.GetValueOrDefault(name)?.Stages.Reset();
            blocks.Add(Throughput.Measure(label, true, duration, TimeSpan.Zero, variants[name]));
            if (cameras.TryGetValue(name, out var camera)) stageBlocks[name].Add(camera.Stages.MillisecondsPerFrame());
        }
        // Each stage's mean over the variant's two blocks (every pass of a block, its warm-up pass included).
        IReadOnlyDictionary<string, double> Stages(string name) =>
            ClipStages.Names.ToDictionary(stage => stage, stage => stageBlocks[name].Average(b => b[stage]));
        var stages = new Dictionary<string, IReadOnlyDictionary<string, double>>
        {
            ["track_aware"] = Stages(TrackAware),
            ["per_frame"] = Stages(PerFrame),
        };

        double Fps(string name) => blocks.Where(b => b.Name.StartsWith(name + " (", StringComparison.Ordinal)).Average(b => b.FramesPerSecond!.Value);
        var fps = new Dictionary<string, double> { ["phase1_only"] = Fps(Phase1), ["end_to_end_track_aware"] = Fps(TrackAware), ["end_to_end_per_frame"] = Fps(PerFrame) };
        var ratios = new Dictionary<string, double>
        {
            ["end_to_end_track_aware_vs_phase1_frames"] = fps["end_to_end_track_aware"] / fps["phase1_only"],
            ["end_to_end_per_frame_vs_phase1_frames"] = fps["end_to_end_per_frame"] / fps["phase1_only"],
            ["track_aware_vs_per_frame_end_to_end_frames"] = fps["end_to_end_track_aware"] / fps["end_to_end_per_frame"],
        };
        var crops = new Dictionary<string, double>
        {
            ["track_aware"] = (double)track.Crops / track.Frames,
            ["per_frame"] = (double)perFrame.Crops / perFrame.Frames,
        };
        return new VideoBenchReport(frames.Describe(), Detect.DetectorSettings.Describe(detector.Options), blocks, fps, ratios, crops, stages);
    }

    /// <summary>Writes the blocks, the variants, the ratios and the crops as tables.</summary>
    public static void WriteTable(CliContext context, VideoBenchReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        var blocks = new Table().Title(Markup.Escape($"bench --video: {report.Clip} — {report.Detector} (median over passes; blocks A B C C B A)"));
        blocks.AddColumns("block", "frames/s", "faces/s", "passes");
        foreach (var b in report.Blocks)
            blocks.AddRow(Markup.Escape(b.Name), F(b.FramesPerSecond ?? 0), F(b.FacesPerSecond), b.Windows.ToString(CultureInfo.InvariantCulture));
        context.Console.Write(blocks);
        var figures = new Table();
        figures.AddColumns("figure", "value");
        foreach (var (name, value) in report.FramesPerSecond)
            figures.AddRow($"{name} frames/s", F(value));
        foreach (var (name, value) in report.Ratios)
            figures.AddRow(name, value.ToString("0.000", CultureInfo.InvariantCulture));
        foreach (var (name, value) in report.CropsPerFrame)
            figures.AddRow($"phase-2 crops per analysed frame, {name}", value.ToString("0.00", CultureInfo.InvariantCulture));
        context.Console.Write(figures);
        var stages = new Table().Title("where an end-to-end frame's time goes (ms per frame, mean of the variant's blocks)");
        stages.AddColumn("stage");
        foreach (var variant in report.StageMillisecondsPerFrame.Keys) stages.AddColumn(variant);
        foreach (var stage in ClipStages.Names)
            stages.AddRow([stage, .. report.StageMillisecondsPerFrame.Values.Select(v => v[stage].ToString("0.000", CultureInfo.InvariantCulture))]);
        context.Console.Write(stages);
    }

    private static string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
}

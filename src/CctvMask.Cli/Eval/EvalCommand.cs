using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using CctvMask.Cli.Clips;
using CctvMask.Cli.Common;
using CctvMask.Cli.Detect;
using CctvMask.Vision.Detection;
using CctvMask.Vision.Evaluation;
using CctvMask.Vision.Imaging;
using Spectre.Console;

namespace CctvMask.Cli.Eval;

/// <summary>
/// <c>cctvmask eval --images DIR --annotations DIR [--json FILE]</c>: VOC AP50 and friends; or over a clip,
/// <c>--video FILE --groundtruth FILE</c>: the same metrics frame by frame plus the track-level figures of the
/// production camera path (<see cref="TrackEvaluation"/>); a clip without ground truth gets the track-level
/// figures against <c>--expect-people N --expect-masked M</c>.
/// </summary>
public static class EvalCommand
{
    /// <summary>Face score of the AP candidates: low, so the precision/recall curve is complete.</summary>
    private const float DefaultCandidateScore = 0.02f;

    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var images = new Option<string?>("--images") { Description = "Folder of images." };
        var annotations = new Option<string?>("--annotations") { Description = "Folder of PASCAL VOC XML files (same base names)." };
        var video = new Option<string?>("--video") { Description = "Video clip to evaluate frame by frame (instead of --images)." };
        var groundTruth = new Option<string?>("--groundtruth") { Description = "The clip's ground truth JSON (segments of frames with face boxes and labels)." };
        var expectPeople = new Option<int?>("--expect-people") { Description = "A clip without ground truth: the people it shows (track-level figures only)." };
        var expectMasked = new Option<int?>("--expect-masked") { Description = "With --expect-people: how many of them are masked." };
        var json = new Option<string?>("--json") { Description = "Write the metrics as JSON to this file." };
        var limit = new Option<int?>("--limit") { Description = "Evaluate only the first N annotations (by name) or video frames (at the ground truth's rate)." };
        var candidate = new Option<float>("--candidate-score")
        {
            Description = "Detector score threshold for AP candidates (recall/accuracy use score ≥ 0.5).",
            DefaultValueFactory = _ => DefaultCandidateScore,
        };
        var settings = new DetectorSettings();
        var sampling = new ClipSampling();
        var command = new Command("eval", "Evaluate detection + classification against PASCAL VOC ground truth (AP50, recall, accuracy).");
        command.Options.Add(images);
        command.Options.Add(annotations);
        command.Options.Add(video);
        command.Options.Add(groundTruth);
        command.Options.Add(expectPeople);
        command.Options.Add(expectMasked);
        command.Validators.Add(r =>
        {
            bool still = r.GetValue(images) is not null || r.GetValue(annotations) is not null;
            bool stated = r.GetValue(expectPeople) is not null || r.GetValue(expectMasked) is not null;
            bool clip = r.GetValue(video) is not null || r.GetValue(groundTruth) is not null || stated;
            if (still == clip)
                r.AddError("give either --images and --annotations, or --video and --groundtruth");
            else if (still && (r.GetValue(images) is null || r.GetValue(annotations) is null))
                r.AddError("--images and --annotations go together");
            else if (stated && (r.GetValue(video) is null || r.GetValue(groundTruth) is not null))
                r.AddError("--expect-people and --expect-masked go with --video, instead of --groundtruth");
            else if (stated && (r.GetValue(expectPeople) is not { } people || r.GetValue(expectMasked) is not { } masked
                         || people < 1 || masked < 0 || masked > people))
                r.AddError("--expect-people N (≥ 1) and --expect-masked M (0..N) go together");
            else if (stated && r.GetValue(limit) is not null)
                r.AddError("--limit needs --groundtruth (stated people are for the whole clip)");
            else if (clip && !stated && (r.GetValue(video) is null || r.GetValue(groundTruth) is null))
                r.AddError("--video and --groundtruth go together");
        });
        command.Options.Add(json);
        command.Options.Add(limit);
        command.Options.Add(candidate);
        settings.AddTo(command);
        sampling.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(video) is { } statedClip && parse.GetValue(expectPeople) is { } people)
            {
                var stated = new TrackEvaluation.Truth(null, null, people, parse.GetValue(expectMasked)!.Value, null);
                var track = await RunTrackAsync(context, parse, settings, sampling, statedClip, stated, ct).ConfigureAwait(false);
                if (parse.GetValue(json) is { } statedJson)
                    WriteJson(statedJson, new JsonObject { ["detector"] = track.Detector }, track);
                return ExitCodes.Ok;
            }
            List<EvaluatedImage> evaluated;
            TrackReport? trackReport = null;
            double msPerImage;
            TwoPhaseDetectorOptions options;
            if (parse.GetValue(video) is { } clip)
            {
                var truth = VideoGroundTruth.Read(parse.GetValue(groundTruth)!);
                options = settings.Build(parse, parse.GetValue(context.Globals.Models), parse.GetValue(candidate));
                using var detector = new TwoPhaseDetector(options, context.DetectorLogger);
                (evaluated, msPerImage) = await VideoEvaluation.RunAsync(detector, clip, truth, parse.GetValue(limit), ct).ConfigureAwait(false);
                var known = new TrackEvaluation.Truth(truth, parse.GetValue(groundTruth), 0, 0, parse.GetValue(limit));
                trackReport = await RunTrackAsync(context, parse, settings, sampling, clip, known, ct).ConfigureAwait(false);
            }
            else
            {
                var dataset = EvalDataset.Load(parse.GetValue(images)!, parse.GetValue(annotations)!, parse.GetValue(limit));
                options = settings.Build(parse, parse.GetValue(context.Globals.Models), parse.GetValue(candidate));
                using var detector = new TwoPhaseDetector(options, context.DetectorLogger);
                (evaluated, msPerImage) = Run(context, detector, dataset, ct);
            }
            var report = DetectionEvaluator.Evaluate(evaluated, new EvaluationOptions(), msPerImage);
            var description = DetectorSettings.Describe(options);
            EvalTable.Write(context.Console, report, description);
            if (parse.GetValue(json) is { } jsonPath)
            {
                var node = JsonSerializer.SerializeToNode(report)!.AsObject();
                node["detector"] = description;
                WriteJson(jsonPath, node, trackReport);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The track-level figures with the production detector settings (not the low AP candidate score); prints the table.</summary>
    private static async Task<TrackReport> RunTrackAsync(CliContext context, ParseResult parse, DetectorSettings settings, ClipSampling sampling,
        string clip, TrackEvaluation.Truth truth, CancellationToken ct)
    {
        var options = settings.Build(parse, parse.GetValue(context.Globals.Models));
        using var detector = new TwoPhaseDetector(options, context.DetectorLogger);
        var report = await TrackEvaluation.RunAsync(detector, clip, truth, sampling.Fps(parse), sampling.Size(parse), ct).ConfigureAwait(false);
        TrackTable.Write(context.Console, report);
        return report;
    }

    private static (List<EvaluatedImage> Images, double MsPerImage) Run(CliContext context, TwoPhaseDetector detector,
        IReadOnlyList<(string Image, VocAnnotation Annotation)> dataset, CancellationToken ct)
    {
        var evaluated = new List<EvaluatedImage>(dataset.Count);
        double totalMs = 0;
        void Step(int i)
        {
            ct.ThrowIfCancellationRequested();
            var (path, annotation) = dataset[i];
            using var image = ImageCodec.DecodeFile(path);
            var (result, ms) = DetectTimed(detector, image.AsFrame(), annotation.Faces, warmUp: i == 0);
            totalMs += ms;
            evaluated.Add(result);
        }

        if (context.ShowProgress)
        {
            context.ProgressConsole.Progress().Start(p =>
            {
                var task = p.AddTask("evaluating", maxValue: dataset.Count);
                for (int i = 0; i < dataset.Count; i++)
                {
                    Step(i);
                    task.Increment(1);
                }
            });
        }
        else
        {
            for (int i = 0; i < dataset.Count; i++)
                Step(i);
        }
        return (evaluated, dataset.Count == 0 ? 0 : totalMs / dataset.Count);
    }

    /// <summary>Detects one frame against its ground truth; the time excludes the warm-up run.</summary>
    internal static (EvaluatedImage Image, double Milliseconds) DetectTimed(TwoPhaseDetector detector, BgrFrame frame,
        IReadOnlyList<GroundTruthFace> truth, bool warmUp)
    {
        if (warmUp)
            detector.DetectOne(frame); // session initialisation is not per-image cost
        var watch = Stopwatch.StartNew();
        var faces = detector.DetectOne(frame);
        double ms = watch.Elapsed.TotalMilliseconds;
        return (new EvaluatedImage(truth, [.. faces.Select(ToEval)]), ms);
    }

    private static EvalDetection ToEval(DetectedFace face) => new(face.Box, face.Score, face.MaskProbability, face.Label switch
    {
        FaceLabel.WithMask => GroundTruthClass.WithMask,
        FaceLabel.WithoutMask => GroundTruthClass.WithoutMask,
        FaceLabel.Incorrect => GroundTruthClass.Incorrect,
        _ => null,
    }, face.IncorrectProbability);

    private static void WriteJson(string path, JsonObject node, TrackReport? track)
    {
        if (track is not null)
            node["track"] = JsonSerializer.SerializeToNode(track);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null)
            Directory.CreateDirectory(dir);
        File.WriteAllText(path, node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + Environment.NewLine);
    }
}

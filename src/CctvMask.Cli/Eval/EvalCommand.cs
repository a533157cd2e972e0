using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using CctvMask.Cli.Common;
using CctvMask.Cli.Detect;
using CctvMask.Vision.Detection;
using CctvMask.Vision.Evaluation;
using CctvMask.Vision.Imaging;
using Spectre.Console;

namespace CctvMask.Cli.Eval;

/// <summary>
/// <c>cctvmask eval --images DIR --annotations DIR [--json FILE]</c>: VOC AP50 and friends; or the same
/// metrics over the frames of a clip: <c>--video FILE --groundtruth FILE</c>.
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
        var json = new Option<string?>("--json") { Description = "Write the metrics as JSON to this file." };
        var limit = new Option<int?>("--limit") { Description = "Evaluate only the first N annotations (by name) or video frames." };
        var candidate = new Option<float>("--candidate-score")
        {
            Description = "Detector score threshold for AP candidates (recall/accuracy use score ≥ 0.5).",
            DefaultValueFactory = _ => DefaultCandidateScore,
        };
        var settings = new DetectorSettings();
        var command = new Command("eval", "Evaluate detection + classification against PASCAL VOC ground truth (AP50, recall, accuracy).");
        command.Options.Add(images);
        command.Options.Add(annotations);
        command.Options.Add(video);
        command.Options.Add(groundTruth);
        command.Validators.Add(r =>
        {
            bool still = r.GetValue(images) is not null || r.GetValue(annotations) is not null;
            bool clip = r.GetValue(video) is not null || r.GetValue(groundTruth) is not null;
            if (still == clip)
                r.AddError("give either --images and --annotations, or --video and --groundtruth");
            else if (still && (r.GetValue(images) is null || r.GetValue(annotations) is null))
                r.AddError("--images and --annotations go together");
            else if (clip && (r.GetValue(video) is null || r.GetValue(groundTruth) is null))
                r.AddError("--video and --groundtruth go together");
        });
        command.Options.Add(json);
        command.Options.Add(limit);
        command.Options.Add(candidate);
        settings.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            List<EvaluatedImage> evaluated;
            double msPerImage;
            TwoPhaseDetectorOptions options;
            if (parse.GetValue(video) is { } clip)
            {
                var truth = VideoGroundTruth.Read(parse.GetValue(groundTruth)!);
                options = settings.Build(parse, parse.GetValue(context.Globals.Models), parse.GetValue(candidate));
                using var detector = new TwoPhaseDetector(options, context.DetectorLogger);
                (evaluated, msPerImage) = await VideoEvaluation.RunAsync(detector, clip, truth, parse.GetValue(limit), ct).ConfigureAwait(false);
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
                WriteJson(jsonPath, report, description);
            return ExitCodes.Ok;
        });
        return command;
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
        _ => null,
    });

    private static void WriteJson(string path, EvaluationReport report, string detector)
    {
        var node = JsonSerializer.SerializeToNode(report)!.AsObject();
        node["detector"] = detector;
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null)
            Directory.CreateDirectory(dir);
        File.WriteAllText(path, node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + Environment.NewLine);
    }
}

using System.CommandLine;
using CctvMask.Cli.Common;
using CctvMask.Training.Detection;
using CctvMask.Vision.Models;
using Spectre.Console;

namespace CctvMask.Cli.Training;

/// <summary>
/// <c>cctvmask train-detector [--base yunet_n|yunet_s|FILE] [--train DIR…] [--photos DIR] [--epochs N] [--size S]
/// [--batch B] [--lr X] [--out FILE] [--report DIR] [--seed N] [--resume]</c>: fine-tunes YuNet and writes the ONNX
/// model (best validation epoch), report.json, plot.png and a checkpoint per epoch. One progress bar per epoch.
/// </summary>
public static class TrainDetectorCommand
{
    /// <summary>Short names of the published bases, resolved in the model folder.</summary>
    public static readonly IReadOnlyDictionary<string, string> Bases = new Dictionary<string, string>
    {
        ["yunet_n"] = "yunet_n_dynamic.onnx",
        ["yunet_s"] = "yunet_s_dynamic.onnx",
    };

    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var defaults = new DetectorTrainingOptions();
        var baseModel = new Option<string>("--base")
        {
            Description = "Model to fine-tune: yunet_n | yunet_s (dynamic models in the model folder) or an ONNX file path.",
            DefaultValueFactory = _ => "yunet_n",
        };
        var train = new Option<string[]>("--train") { Description = "VOC folder (images/ + annotations/) used whole for training, e.g. face-mask-extra; repeatable.", AllowMultipleArgumentsPerToken = false };
        var photos = new Option<string?>("--photos") { Description = "VOC folder of real photos (face-mask-dev): held-out photos are never read; 1 in --val-modulus of the rest validates, the others train." };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs (total, also when resuming).", DefaultValueFactory = _ => defaults.Epochs };
        var size = new Option<int>("--size") { Description = "Square training canvas in pixels (multiple of 32).", DefaultValueFactory = _ => defaults.CanvasSize };
        var batch = new Option<int>("--batch") { Description = "Batch size.", DefaultValueFactory = _ => defaults.BatchSize };
        var lr = new Option<double>("--lr") { Description = "Peak learning rate (AdamW, warm-up, cosine decay).", DefaultValueFactory = _ => defaults.LearningRate };
        var warmup = new Option<int>("--warmup") { Description = "Linear warm-up steps before the cosine decay.", DefaultValueFactory = _ => defaults.WarmupSteps };
        var valModulus = new Option<int>("--val-modulus") { Description = "1 in this many non-held-out photos validates.", DefaultValueFactory = _ => defaults.ValidationModulus };
        var output = new Option<string>("--out") { Description = "Output ONNX model (the best validation epoch).", DefaultValueFactory = _ => defaults.OutputPath };
        var report = new Option<string>("--report") { Description = "Report folder (report.json, plot.png, checkpoint/).", DefaultValueFactory = _ => defaults.ReportDir };
        var seed = new Option<int>("--seed") { Description = "Random seed (shuffle, augmentation).", DefaultValueFactory = _ => defaults.Seed };
        var resume = new Option<bool>("--resume") { Description = "Continue from the checkpoint in the report folder." };
        var maxSteps = new Option<int?>("--max-steps") { Description = "Stop each epoch after this many steps (smoke runs)." };
        var threads = new Option<int>("--threads") { Description = "TorchSharp threads (0 = its default).", DefaultValueFactory = _ => defaults.Threads };

        var command = new Command("train-detector", "Fine-tune the YuNet face detector (TorchSharp) and export it to ONNX.");
        foreach (var o in new Option[] { baseModel, train, photos, epochs, size, batch, lr, warmup, valModulus, output, report, seed, resume, maxSteps, threads })
            command.Options.Add(o);
        command.SetAction((parse, ct) =>
        {
            var options = new DetectorTrainingOptions
            {
                BaseModelPath = ResolveBase(parse.GetValue(baseModel)!, parse.GetValue(context.Globals.Models)),
                TrainDirs = [.. parse.GetValue(train) ?? []],
                PhotosDir = parse.GetValue(photos),
                Epochs = parse.GetValue(epochs),
                CanvasSize = parse.GetValue(size),
                BatchSize = parse.GetValue(batch),
                LearningRate = parse.GetValue(lr),
                WarmupSteps = parse.GetValue(warmup),
                ValidationModulus = parse.GetValue(valModulus),
                OutputPath = parse.GetValue(output)!,
                ReportDir = parse.GetValue(report)!,
                Seed = parse.GetValue(seed),
                Resume = parse.GetValue(resume),
                Threads = parse.GetValue(threads),
                MaxStepsPerEpoch = parse.GetValue(maxSteps),
            };
            try
            {
                options.Validate();
            }
            catch (System.ComponentModel.DataAnnotations.ValidationException ex)
            {
                throw new CliException($"invalid training option: {ex.Message}", ex);
            }
            foreach (var dir in options.TrainDirs.Append(options.PhotosDir).OfType<string>())
            {
                if (!Directory.Exists(dir)) throw new CliException($"folder not found: {dir}");
            }
            var trainer = new DetectorTrainer(options);
            var result = context.ShowProgress ? RunWithBars(context, trainer, options.Epochs, ct) : trainer.Run(new LineProgress(context.Err), ct);
            WriteSummary(context, result);
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    /// <summary>A short base name in the model folder, or a file path.</summary>
    public static string ResolveBase(string value, string? modelsFolder)
    {
        if (Bases.TryGetValue(value, out var file)) return ModelLocator.Resolve(file, modelsFolder);
        if (File.Exists(value)) return Path.GetFullPath(value);
        throw new CliException($"--base '{value}' is neither {string.Join(" nor ", Bases.Keys)} nor an existing ONNX file");
    }

    private static DetectorTrainingResult RunWithBars(CliContext context, DetectorTrainer trainer, int epochs, CancellationToken ct)
    {
        DetectorTrainingResult? result = null;
        context.ProgressConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var prep = ctx.AddTask("preparing");
                ProgressTask? current = null;
                result = trainer.Run(new CallbackProgress(p =>
                {
                    if (p.Epoch == 0)
                    {
                        prep.Description = p.Completed is { } b ? $"base model: val face AP50 {b.ValidationAp50:P1}" : Markup.Escape(p.Phase);
                        return;
                    }
                    prep.Value = 100;
                    prep.StopTask();
                    if (current is null || !current.Description.StartsWith($"epoch {p.Epoch}/", StringComparison.Ordinal))
                    {
                        current?.StopTask();
                        current = ctx.AddTask($"epoch {p.Epoch}/{epochs}", maxValue: Math.Max(1, p.Steps));
                    }
                    current.Value = p.Step;
                    current.Description = p.Completed is { } c
                        ? $"epoch {c.Epoch}/{epochs} loss {c.Loss:F3} (box {c.Box:F3}) | val face AP50 {c.ValidationAp50:P1}"
                        : $"epoch {p.Epoch}/{epochs} {Markup.Escape(p.Phase.ToLowerInvariant())} loss {p.Loss:F3}";
                }), ct);
                current?.StopTask();
            });
        return result!;
    }

    private static void WriteSummary(CliContext context, DetectorTrainingResult result)
    {
        var r = result.Report;
        context.Out.WriteLine();
        context.Out.WriteLine($"validation face AP50: base {r.BaseValidationAp50:P1}, best {r.BestValidationAp50:P1} (epoch {r.BestEpoch}) on {r.ValidationPhotos} photos");
        context.Out.WriteLine($"model:      {result.ModelPath}");
        context.Out.WriteLine($"report:     {result.ReportJsonPath}");
        context.Out.WriteLine($"plot:       {result.PlotPath}");
        context.Out.WriteLine($"checkpoint: {result.CheckpointDir}");
        context.Out.WriteLine($"training:   {r.TrainingSeconds:F0} s");
    }

    /// <summary>Synchronous progress (System.Progress posts to the thread pool, which would reorder updates).</summary>
    private sealed class CallbackProgress(Action<DetectorTrainingProgress> report) : IProgress<DetectorTrainingProgress>
    {
        public void Report(DetectorTrainingProgress value) => report(value);
    }

    /// <summary>One line per epoch when stderr is not a terminal (logs, CI).</summary>
    private sealed class LineProgress(TextWriter writer) : IProgress<DetectorTrainingProgress>
    {
        private const int StepsPerLine = 10;

        public void Report(DetectorTrainingProgress p)
        {
            if (p.Completed is null && p.Phase == "Training" && p.Step % StepsPerLine == 0)
            {
                writer.WriteLine(FormattableString.Invariant($"{DateTimeOffset.UtcNow:HH:mm:ss} epoch {p.Epoch}/{p.Epochs} step {p.Step}/{p.Steps}: loss {p.Loss:F4}"));
                writer.Flush();
            }
            if (p.Completed is { } c)
            {
                writer.WriteLine(FormattableString.Invariant(
                    $"{DateTimeOffset.UtcNow:HH:mm:ss} epoch {c.Epoch}/{p.Epochs}: loss {c.Loss:F4} (obj {c.Objectness:F4} cls {c.Class:F4} box {c.Box:F4} kps {c.Landmarks:F4}, {c.PositivesPerImage:F1} pos/img) | val face AP50 {c.ValidationAp50:F4} recall {c.ValidationRecall:F4} | {c.Seconds:F0} s, lr {c.LearningRate:G3}, skipped steps {c.SkippedSteps}"));
                writer.Flush();
            }
        }
    }
}

using System.CommandLine;
using CctvMask.Cli.Common;
using CctvMask.Training.Data;
using CctvMask.Training.Trainer;
using CctvMask.Vision.FaceDetection;
using CctvMask.Vision.Models;
using Spectre.Console;

namespace CctvMask.Cli.Training;

/// <summary>
/// <c>cctvmask train --dataset DIR [--dataset DIR…] [--photos DIR] [--epochs N] [--size S] [--batch B] [--width W]
/// [--out FILE] [--report DIR] [--seed N]</c>: trains the mask classifier and writes the ONNX model,
/// report.json and plot.png. One progress bar per epoch (loss and accuracy, train and validation).
/// </summary>
public static class TrainCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var defaults = new TrainingOptions();
        var dataset = new Option<string[]>("--dataset")
        {
            Description = "Dataset folder with one sub-folder per class (with_mask/, without_mask/); repeatable (e.g. add a cctvmask synth output).",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var photos = new Option<string?>("--photos") { Description = "Annotated photos (VOC: images/ + annotations/); faces of the photos not held out are added to training." };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs.", DefaultValueFactory = _ => defaults.Epochs };
        var size = new Option<int>("--size") { Description = "Square input size in pixels.", DefaultValueFactory = _ => defaults.InputSize };
        var batch = new Option<int>("--batch") { Description = "Batch size.", DefaultValueFactory = _ => defaults.BatchSize };
        var width = new Option<double>("--width") { Description = "MobileNetV2 width multiplier.", DefaultValueFactory = _ => defaults.WidthMultiplier };
        var lr = new Option<double>("--lr") { Description = "Peak learning rate (AdamW, cosine decay).", DefaultValueFactory = _ => defaults.LearningRate };
        var output = new Option<string>("--out") { Description = "Output ONNX model.", DefaultValueFactory = _ => defaults.OutputPath };
        var report = new Option<string>("--report") { Description = "Report folder (report.json, plot.png, checkpoint).", DefaultValueFactory = _ => defaults.ReportDir };
        var seed = new Option<int>("--seed") { Description = "Random seed (split, initialisation, augmentation).", DefaultValueFactory = _ => defaults.Seed };
        var cache = new Option<string>("--cache") { Description = "Cache folder for detected face locations.", DefaultValueFactory = _ => defaults.CacheDir };
        var detector = new Option<string?>("--detector") { Description = $"Phase-1 model used for cropping (default: {ModelLocator.DefaultDetector} in the model folder)." };
        var init = new Option<string?>("--init") { Description = "Start from a checkpoint of an earlier run of this trainer (same --width); for staged schedules." };

        var initOnnx = new Option<string?>("--init-onnx") { Description = "Start from an ONNX model this trainer exported (e.g. models/mask_classifier.onnx); BatchNorm stays frozen; new classes start fresh." };
        var classes = new Option<string>("--classes") { Description = "Comma-separated classes in output order (class-folder names).", DefaultValueFactory = _ => string.Join(',', TrainingOptions.DefaultClasses) };
        var extraPhotos = new Option<string[]>("--extra-photos") { Description = "Annotated photos (VOC) used for training in full, none held out (e.g. face-mask-extra); repeatable." };
        var extraClasses = new Option<string?>("--extra-photo-classes") { Description = "Comma-separated classes taken from --extra-photos (default: all)." };

        var command = new Command("train", "Train the mask classifier (MobileNetV2, TorchSharp) and export it to ONNX.");
        foreach (var o in new Option[] { dataset, photos, epochs, size, batch, width, lr, output, report, seed, cache, detector, init, initOnnx, classes, extraPhotos, extraClasses })
            command.Options.Add(o);
        command.SetAction((parse, ct) =>
        {
            var options = new TrainingOptions
            {
                DatasetDirs = [.. parse.GetValue(dataset) ?? []],
                PhotosDir = parse.GetValue(photos),
                Epochs = parse.GetValue(epochs),
                InputSize = parse.GetValue(size),
                BatchSize = parse.GetValue(batch),
                WidthMultiplier = parse.GetValue(width),
                LearningRate = parse.GetValue(lr),
                OutputPath = parse.GetValue(output)!,
                ReportDir = parse.GetValue(report)!,
                Seed = parse.GetValue(seed),
                CacheDir = parse.GetValue(cache)!,
                InitCheckpoint = parse.GetValue(init),
                InitOnnx = parse.GetValue(initOnnx),
                Classes = SplitList(parse.GetValue(classes)),
                ExtraPhotosDirs = [.. parse.GetValue(extraPhotos) ?? []],
                ExtraPhotoClasses = SplitList(parse.GetValue(extraClasses)),
            };
            try
            {
                options.Validate();
            }
            catch (System.ComponentModel.DataAnnotations.ValidationException ex)
            {
                throw new CliException($"invalid training option: {ex.Message}", ex);
            }
            var detectorPath = parse.GetValue(detector) ?? ModelLocator.Resolve(ModelLocator.DefaultDetector, parse.GetValue(context.Globals.Models));
            using var yunet = new YuNetFaceDetector(new FaceDetectorOptions { ModelPath = detectorPath });
            var trainer = new MaskClassifierTrainer(options, new YuNetFaceFinder(yunet));
            var result = context.ShowProgress
                ? RunWithBars(context, trainer, options.Epochs, ct)
                : trainer.Run(new LineProgress(context.Err), ct);
            WriteSummary(context, result);
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static List<string> SplitList(string? value) =>
        [.. (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static TrainingResult RunWithBars(CliContext context, MaskClassifierTrainer trainer, int epochs, CancellationToken ct)
    {
        TrainingResult? result = null;
        context.ProgressConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var prep = ctx.AddTask("preparing data");
                ProgressTask? current = null;
                result = trainer.Run(new CallbackProgress(p =>
                {
                    if (p.Epoch == 0 || p.Phase == "Measuring latency")
                    {
                        prep.Description = Markup.Escape(p.Phase);
                        if (p.Steps > 0) prep.Value = 100.0 * p.Step / p.Steps;
                        return;
                    }
                    prep.Value = 100;
                    prep.StopTask();
                    if (current is null || current.Description.StartsWith($"epoch {p.Epoch}/", StringComparison.Ordinal) is false)
                    {
                        current?.StopTask();
                        current = ctx.AddTask($"epoch {p.Epoch}/{epochs}", maxValue: Math.Max(1, p.Steps));
                    }
                    current.Value = p.Step;
                    current.Description = p.Completed is { } c
                        ? $"epoch {c.Epoch}/{epochs} loss {c.TrainLoss:F3} acc {c.TrainAccuracy:P1} | val loss {c.ValidationLoss:F3} acc {c.ValidationAccuracy:P1}"
                        : $"epoch {p.Epoch}/{epochs} loss {p.Loss:F3} acc {p.Accuracy:P1}";
                }), ct);
                current?.StopTask();
            });
        return result!;
    }

    private static void WriteSummary(CliContext context, TrainingResult result)
    {
        var r = result.Report;
        context.Out.WriteLine();
        context.Out.WriteLine($"Validation ({r.ValidationSamples} faces, final epoch):");
        context.Out.WriteLine(r.Validation.ToString());
        context.Out.WriteLine($"model:      {result.ModelPath}");
        context.Out.WriteLine($"report:     {result.ReportJsonPath}");
        context.Out.WriteLine($"plot:       {result.PlotPath}");
        context.Out.WriteLine($"checkpoint: {result.CheckpointPath}");
        context.Out.WriteLine($"training:   {r.TrainingSeconds:F0} s; ONNX {r.MsPerFaceBatch1:F2} ms/face at batch 1, {r.MsPerFaceBatch32:F2} ms/face at batch 32");
    }

    /// <summary>Synchronous progress (System.Progress posts to the thread pool, which would reorder updates).</summary>
    private sealed class CallbackProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }

    /// <summary>One line per epoch when stderr is not a terminal (logs, CI).</summary>
    private sealed class LineProgress(TextWriter writer) : IProgress<TrainingProgress>
    {
        private const int StepsPerLine = 10;

        public void Report(TrainingProgress p)
        {
            // Redirected runs (nohup, CI) get a line every few steps, so a long epoch shows it is alive and learning.
            if (p.Completed is null && p.Phase == "Training" && p.Step % StepsPerLine == 0)
                writer.WriteLine(FormattableString.Invariant($"{DateTimeOffset.UtcNow:HH:mm:ss} epoch {p.Epoch}/{p.Epochs} step {p.Step}/{p.Steps}: loss {p.Loss:F4} acc {p.Accuracy:F4}"));
            else if (p.Epoch == 0 && p.Step == 0)
                writer.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss} {p.Phase}");
            if (p.Completed is { } c)
                writer.WriteLine($"epoch {c.Epoch}/{p.Epochs}: loss {c.TrainLoss:F4} acc {c.TrainAccuracy:F4} | val loss {c.ValidationLoss:F4} acc {c.ValidationAccuracy:F4} | {c.Seconds:F0} s");
        }
    }
}

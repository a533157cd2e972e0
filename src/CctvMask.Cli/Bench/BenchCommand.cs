using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CctvMask.Cli.Clips;
using CctvMask.Cli.Common;
using CctvMask.Cli.Detect;
using CctvMask.Vision.Detection;
using CctvMask.Vision.FaceDetection;
using CctvMask.Vision.Geometry;
using CctvMask.Vision.Imaging;
using CctvMask.Vision.Models;
using Spectre.Console;

namespace CctvMask.Cli.Bench;

/// <summary>
/// <c>cctvmask bench</c>: median throughput of phase 1 (face detector model only), phase 2 (classifier
/// at batch 1/8/16/32) and the whole two-phase detector, on real images; with <c>--video FILE</c>, phase 1
/// alone against the production camera path end to end on a clip's frames (<see cref="VideoBench"/>).
/// </summary>
public static class BenchCommand
{
    private const double DefaultSeconds = 3;
    private const int DefaultImageCount = 32;
    private const int DetectorBatch = 8;
    private static readonly int[] ClassifierBatches = [1, 8, 16, 32];
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(0.5);

    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var images = new Option<string?>("--images") { Description = "Folder of images (default: $CCTVMASK_SHARED/datasets/face-mask-dev/images)." };
        var count = new Option<int>("--count") { Description = "Images loaded for the benchmark.", DefaultValueFactory = _ => DefaultImageCount };
        var seconds = new Option<double>("--seconds") { Description = "Seconds per measurement.", DefaultValueFactory = _ => DefaultSeconds };
        seconds.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() <= 0)
                r.AddError("--seconds must be positive");
        });
        var json = new Option<string?>("--json") { Description = "Write the results as JSON to this file." };
        var video = new Option<string?>("--video") { Description = "Clip: phase 1 alone vs the production camera path end to end on its frames (instead of --images)." };
        var limit = new Option<int?>("--limit") { Description = "With --video: only the first N sampled frames." };
        var settings = new DetectorSettings();
        var sampling = new ClipSampling();
        var command = new Command("bench", "Measure throughput: phase 1, phase 2 at batch 1/8/16/32, and the whole detector.");
        command.Options.Add(images);
        command.Options.Add(count);
        command.Options.Add(seconds);
        command.Options.Add(json);
        command.Options.Add(video);
        command.Options.Add(limit);
        command.Validators.Add(r =>
        {
            if (r.GetValue(video) is not null && r.GetValue(images) is not null)
                r.AddError("--video and --images do not go together");
            else if (r.GetValue(video) is null && r.GetValue(limit) is not null)
                r.AddError("--limit goes with --video");
            else if (r.GetValue(limit) is < 1)
                r.AddError("--limit must be at least 1");
        });
        settings.AddTo(command);
        sampling.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(video) is { } clip)
            {
                var frames = await ClipFrames.DecodeAsync(clip, sampling.Fps(parse), sampling.Size(parse), parse.GetValue(limit), ct).ConfigureAwait(false);
                using var clipDetector = new TwoPhaseDetector(settings.Build(parse, parse.GetValue(context.Globals.Models)), context.DetectorLogger);
                var clipReport = VideoBench.Run(clipDetector, frames, TimeSpan.FromSeconds(parse.GetValue(seconds)), ct);
                VideoBench.WriteTable(context, clipReport);
                if (parse.GetValue(json) is { } clipJson)
                    File.WriteAllText(clipJson, JsonSerializer.Serialize(clipReport, new JsonSerializerOptions { WriteIndented = true }) + Environment.NewLine);
                return ExitCodes.Ok;
            }

            var folder = parse.GetValue(images) ?? DefaultImages();
            var files = InputClassifier.ImagesIn(folder).Take(Math.Max(1, parse.GetValue(count))).ToList();
            if (files.Count == 0)
                throw new CliException($"{folder}: no images to benchmark with");
            var loaded = files.Select(ImageCodec.DecodeFile).ToList();
            try
            {
                var options = settings.Build(parse, parse.GetValue(context.Globals.Models));
                using var detector = new TwoPhaseDetector(options, context.DetectorLogger);
                // The small-face pass's price: the same phase 1 without it, for a ratio on the same run.
                using var plain = options.Detector.ZoomLongSide > 0
                    ? new YuNetFaceDetector(WithoutZoom(options.Detector), SameRuntime(options), context.DetectorLogger)
                    : null;
                var report = Run(detector, plain, loaded, TimeSpan.FromSeconds(parse.GetValue(seconds)), DetectorSettings.Describe(options), ct);
                WriteTable(context, report);
                if (parse.GetValue(json) is { } path)
                    File.WriteAllText(path, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }) + Environment.NewLine);
            }
            finally
            {
                loaded.ForEach(i => i.Dispose());
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string DefaultImages()
    {
        var shared = Environment.GetEnvironmentVariable("CCTVMASK_SHARED") is { Length: > 0 } s ? s : Path.GetFullPath(Path.Combine("..", "shared"));
        var folder = Path.Combine(shared, "datasets", "face-mask-dev", "images");
        return Directory.Exists(folder) ? folder : throw new CliException($"{folder}: not found; pass --images DIR");
    }

    /// <summary>The plain phase 1 runs where the detector runs (same provider and threads), or the ratio compares CPU with GPU.</summary>
    private static OnnxRuntimeOptions SameRuntime(TwoPhaseDetectorOptions options) => new()
    {
        ExecutionProvider = options.ExecutionProvider,
        IntraOpThreads = options.IntraOpThreads,
        InterOpThreads = options.InterOpThreads,
        AllowSpinning = options.AllowSpinning,
    };

    private static FaceDetectorOptions WithoutZoom(FaceDetectorOptions options)
    {
        var plain = options.Copy();
        plain.ZoomLongSide = 0;
        return plain;
    }

    private static BenchReport Run(TwoPhaseDetector detector, YuNetFaceDetector? plain, List<BgrImage> images, TimeSpan duration, string description, CancellationToken ct)
    {
        var frames = images.Select(i => i.AsFrame()).ToArray();
        var results = new List<Throughput>();
        var raw = new RawFace[detector.Options.Detector.MaxFacesPerFrame];

        int next = 0;
        results.Add(Throughput.Measure("phase 1 (face detector model)", true, duration, Window, () =>
        {
            ct.ThrowIfCancellationRequested();
            int found = detector.FaceDetector.Detect(frames[next++ % frames.Length], raw);
            return (1, found);
        }));

        if (plain is not null)
        {
            next = 0;
            results.Add(Throughput.Measure("phase 1 without the small-face pass", true, duration, Window, () =>
            {
                ct.ThrowIfCancellationRequested();
                int found = plain.Detect(frames[next++ % frames.Length], raw);
                return (1, found);
            }));
        }

        // Phase-2 input: real face crops from the benchmark images, repeated to fill the largest batch.
        var crops = CollectCrops(detector, frames, raw, ClassifierBatches.Max());
        int tensor = detector.Classifier.TensorLength;
        int classes = detector.Classifier.Metadata.ClassCount;
        var probabilities = new float[ClassifierBatches.Max() * classes];
        foreach (int batch in ClassifierBatches)
        {
            results.Add(Throughput.Measure($"phase 2 (classifier) batch {batch}", false, duration, Window, () =>
            {
                ct.ThrowIfCancellationRequested();
                detector.Classifier.Classify(crops.AsSpan(0, batch * tensor), batch, probabilities.AsSpan(0, batch * classes));
                return (0, batch);
            }));
        }

        next = 0;
        results.Add(Throughput.Measure("detector (both phases), 1 frame per call", true, duration, Window, () =>
        {
            ct.ThrowIfCancellationRequested();
            using var r = detector.Detect(frames.AsSpan(next++ % frames.Length, 1));
            return (1, r.FaceCount);
        }));
        int batchFrames = Math.Min(DetectorBatch, frames.Length);
        int start = 0;
        results.Add(Throughput.Measure($"detector (both phases), {batchFrames} frames per call", true, duration, Window, () =>
        {
            ct.ThrowIfCancellationRequested();
            var batchSpan = new BgrFrame[batchFrames];
            for (int i = 0; i < batchFrames; i++)
                batchSpan[i] = frames[(start + i) % frames.Length];
            start += batchFrames;
            using var r = detector.Detect(batchSpan);
            return (batchFrames, r.FaceCount);
        }));

        var byName = results.ToDictionary(r => r.Name);
        double b1 = byName["phase 2 (classifier) batch 1"].FacesPerSecond;
        var ratios = new Dictionary<string, double>();
        foreach (int batch in ClassifierBatches.Skip(1))
            ratios[$"phase2_batch{batch}_vs_batch1"] = byName[$"phase 2 (classifier) batch {batch}"].FacesPerSecond / b1;
        double phase1 = results[0].FramesPerSecond!.Value;
        if (plain is not null)
            ratios["phase1_with_vs_without_small_face_pass_frames"] = phase1 / byName["phase 1 without the small-face pass"].FramesPerSecond!.Value;
        ratios["detector_vs_phase1_frames"] = byName["detector (both phases), 1 frame per call"].FramesPerSecond!.Value / phase1;
        ratios[$"detector_batch{batchFrames}_vs_batch1_frames"] =
            byName[$"detector (both phases), {batchFrames} frames per call"].FramesPerSecond!.Value / byName["detector (both phases), 1 frame per call"].FramesPerSecond!.Value;
        return new BenchReport(images.Count, description, results, ratios);
    }

    private static float[] CollectCrops(TwoPhaseDetector detector, BgrFrame[] frames, RawFace[] raw, int needed)
    {
        int tensor = detector.Classifier.TensorLength;
        var crops = new float[needed * tensor];
        int filled = 0;
        for (int pass = 0; pass < 2 && filled < needed; pass++)
        {
            foreach (var frame in frames)
            {
                int n = detector.FaceDetector.Detect(frame, raw);
                for (int i = 0; i < n && filled < needed; i++, filled++)
                    detector.Classifier.CropToTensor(frame, raw[i].Box, crops.AsSpan(filled * tensor, tensor));
                if (filled >= needed)
                    break;
            }
            if (filled == 0)
            {
                // No faces at all: crop the frame centres so phase 2 still has realistic inputs.
                for (; filled < needed; filled++)
                {
                    var f = frames[filled % frames.Length];
                    detector.Classifier.CropToTensor(f, new BoxF(f.Width / 4f, f.Height / 4f, f.Width / 2f, f.Height / 2f), crops.AsSpan(filled * tensor, tensor));
                }
            }
        }
        // Fewer faces than needed: repeat the ones found.
        for (int i = filled; i < needed; i++)
            crops.AsSpan((i % filled) * tensor, tensor).CopyTo(crops.AsSpan(i * tensor, tensor));
        return crops;
    }

    private static void WriteTable(CliContext context, BenchReport report)
    {
        var table = new Table().Title(Markup.Escape($"bench: {report.Images} images — {report.Detector} (median over {Window.TotalSeconds:0.#} s windows)"));
        table.AddColumns("measurement", "frames/s", "faces/s", "windows");
        foreach (var r in report.Results)
            table.AddRow(Markup.Escape(r.Name), r.FramesPerSecond is { } f ? F(f) : "-", F(r.FacesPerSecond), r.Windows.ToString(CultureInfo.InvariantCulture));
        context.Console.Write(table);
        var ratios = new Table();
        ratios.AddColumns("ratio", "value");
        foreach (var (name, value) in report.Ratios)
            ratios.AddRow(name, value.ToString("0.00", CultureInfo.InvariantCulture));
        context.Console.Write(ratios);
    }

    private static string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
}

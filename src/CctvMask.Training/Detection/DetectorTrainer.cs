using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using CctvMask.Training.Export;
using CctvMask.Training.Trainer;
using CctvMask.Vision.Geometry;
using TorchSharp;
using static TorchSharp.torch;

namespace CctvMask.Training.Detection;

/// <summary>
/// <c>cctvmask train-detector</c>: fine-tunes a published YuNet (its ONNX graph executed by <see cref="YuNetModule"/>)
/// on annotated photos with AdamW, warm-up then cosine decay. Every epoch: a checkpoint (weights, optimizer, epoch,
/// seed, history), an ONNX export validated through Vision's detector, and — when validation face AP50 improves —
/// the model at OutputPath. Deterministic for a seed; <c>Resume</c> continues from the checkpoint.
/// </summary>
public sealed class DetectorTrainer(DetectorTrainingOptions options)
{
    public const string ReportFileName = "report.json";
    public const string PlotFileName = "plot.png";
    public const string CheckpointDirName = "checkpoint";
    public const string LastModelFileName = "last.onnx";

    public DetectorTrainingResult Run(IProgress<DetectorTrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options.Validate();
        var clock = Stopwatch.StartNew();
        var gitCommit = GitInfo.CurrentCommit();
        if (options.Threads > 0) torch.set_num_threads(options.Threads);
        torch.manual_seed(options.Seed);
        Directory.CreateDirectory(options.ReportDir);
        var checkpointDir = Path.Combine(options.ReportDir, CheckpointDirName);
        Directory.CreateDirectory(checkpointDir);
        if (options.Resume && !File.Exists(Path.Combine(checkpointDir, DetectorCheckpointState.FileName)))
            throw new FileNotFoundException($"Nothing to resume: no {DetectorCheckpointState.FileName} in {checkpointDir}.");
        if (Path.GetDirectoryName(Path.GetFullPath(options.OutputPath)) is { } outDir) Directory.CreateDirectory(outDir);
        var baseSha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(options.BaseModelPath)));

        using var model = YuNetModule.Load(options.BaseModelPath);
        progress?.Report(new DetectorTrainingProgress("Scanning photos", 0, options.Epochs, 0, 0, 0));
        var split = DetectorDataset.Scan(options);
        if (split.Train.Count == 0) throw new InvalidDataException("No readable training photos with faces.");

        using var teacher = options.Loss.LandmarkWeight > 0 ? YuNetModule.Load(options.BaseModelPath) : null;
        if (teacher is not null)
        {
            teacher.eval();
            foreach (var p in teacher.parameters()) p.requires_grad = false;
        }
        using var optimizer = optim.AdamW(model.parameters(), options.LearningRate, weight_decay: options.WeightDecay);
        using var validator = new DetectorValidator(split.Validation, options.Validation);
        var loss = new DetectionLoss(options.Loss);
        var augmenter = new DetectorAugmenter(split.Train, options.Augmentation, options.CanvasSize, options.Seed);

        var state = options.Resume ? Resume(checkpointDir, model, optimizer, baseSha) : null;
        var history = state?.History.ToList() ?? [];
        int globalStep = state?.GlobalStep ?? 0, bestEpoch = state?.BestEpoch ?? 0;
        double bestAp = state?.BestValidationAp50 ?? double.NaN, baseAp = state?.BaseValidationAp50 ?? double.NaN;
        double previousSeconds = state?.TrainingSeconds ?? 0;
        if (state is null)
        {
            progress?.Report(new DetectorTrainingProgress("Validating the base model", 0, options.Epochs, 0, 0, 0));
            var (ap, recall) = Validate(validator, model, checkpointDir);
            baseAp = bestAp = ap;
            var baseline = new DetectorEpochMetrics(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, ap, recall, 0, 0);
            history.Add(baseline);
            progress?.Report(new DetectorTrainingProgress("Validated", 0, options.Epochs, 0, 0, 0, baseline));
        }

        int stepsPerEpoch = (split.Train.Count + options.BatchSize - 1) / options.BatchSize;
        if (options.MaxStepsPerEpoch is { } cap) stepsPerEpoch = Math.Min(stepsPerEpoch, cap);
        int totalSteps = stepsPerEpoch * options.Epochs;
        var epochRunner = new DetectorEpoch(options, model, teacher, optimizer, loss, augmenter);
        for (int epoch = (state?.Epoch ?? 0) + 1; epoch <= options.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var epochClock = Stopwatch.StartNew();
            var sums = epochRunner.Run(epoch, stepsPerEpoch, split.Train.Count, ref globalStep,
                step => LearningRate(step, totalSteps), progress, cancellationToken);
            progress?.Report(new DetectorTrainingProgress("Validating", epoch, options.Epochs, stepsPerEpoch, stepsPerEpoch, sums.Loss));
            var (ap, recall) = Validate(validator, model, checkpointDir);
            var metrics = sums with { Epoch = epoch, ValidationAp50 = ap, ValidationRecall = recall, Seconds = epochClock.Elapsed.TotalSeconds };
            history.Add(metrics);
            // NaN AP (no validation photos): the last epoch is the one kept.
            if (double.IsNaN(ap) || double.IsNaN(bestAp) || ap > bestAp)
            {
                bestAp = ap;
                bestEpoch = epoch;
                model.save(Path.Combine(checkpointDir, DetectorCheckpointState.BestWeightsFileName));
                File.WriteAllBytes(options.OutputPath, Export(model, epoch, ap, split, gitCommit));
            }
            model.save(Path.Combine(checkpointDir, DetectorCheckpointState.WeightsFileName));
            optimizer.save_state_dict(Path.Combine(checkpointDir, DetectorCheckpointState.OptimizerFileName));
            new DetectorCheckpointState(epoch, globalStep, options.Seed, baseSha, bestEpoch, bestAp, baseAp,
                previousSeconds + clock.Elapsed.TotalSeconds, history).Save(checkpointDir);
            progress?.Report(new DetectorTrainingProgress("Validated", epoch, options.Epochs, stepsPerEpoch, stepsPerEpoch, metrics.Loss, metrics));
        }
        if (bestEpoch == 0)
        {
            // No epoch beat the base model on validation: the output is the base model's weights, re-exported.
            using var fresh = YuNetModule.Load(options.BaseModelPath);
            File.WriteAllBytes(options.OutputPath, Export(fresh, 0, baseAp, split, gitCommit));
        }

        var report = new DetectorTrainingReport(options, split.Train.Count, split.TrainFaces, split.Validation.Count, split.ValidationFaces,
            split.HeldOutSkipped, history, bestEpoch, bestAp, baseAp, previousSeconds + clock.Elapsed.TotalSeconds,
            Path.GetFullPath(options.OutputPath), gitCommit, DateTimeOffset.UtcNow);
        var reportPath = Path.Combine(options.ReportDir, ReportFileName);
        report.Save(reportPath);
        var plotPath = Path.Combine(options.ReportDir, PlotFileName);
        DetectorTrainingPlot.Save(history, plotPath);
        return new DetectorTrainingResult(report, Path.GetFullPath(options.OutputPath), reportPath, plotPath, checkpointDir);
    }

    private DetectorCheckpointState Resume(string checkpointDir, YuNetModule model, TorchSharp.Modules.AdamW optimizer, string baseSha)
    {
        var state = DetectorCheckpointState.Load(checkpointDir)
            ?? throw new FileNotFoundException($"Nothing to resume: no {DetectorCheckpointState.FileName} in {checkpointDir}.");
        if (state.Seed != options.Seed)
            throw new InvalidOperationException($"The checkpoint was trained with seed {state.Seed}, not {options.Seed}: resuming would change the data order.");
        if (state.BaseModelSha256 != baseSha)
            throw new InvalidOperationException("The checkpoint was fine-tuned from a different base model.");
        model.load(Path.Combine(checkpointDir, DetectorCheckpointState.WeightsFileName));
        optimizer.load_state_dict(Path.Combine(checkpointDir, DetectorCheckpointState.OptimizerFileName));
        return state;
    }

    private static (double Ap, double Recall) Validate(DetectorValidator validator, YuNetModule model, string checkpointDir)
    {
        var path = Path.Combine(checkpointDir, LastModelFileName);
        File.WriteAllBytes(path, YuNetOnnxExporter.Export(model));
        return validator.Evaluate(path);
    }

    private double LearningRate(int step, int totalSteps)
    {
        int warmup = Math.Min(options.WarmupSteps, totalSteps / 2);
        if (step < warmup) return options.LearningRate * (step + 1) / warmup;
        double t = (double)(step - warmup) / Math.Max(1, totalSteps - warmup);
        double floor = options.FinalLearningRateFraction;
        return options.LearningRate * (floor + (1 - floor) * 0.5 * (1 + Math.Cos(Math.PI * Math.Min(1, t))));
    }

    private byte[] Export(YuNetModule model, int epoch, double ap, DetectorDataSplit split, string gitCommit) =>
        YuNetOnnxExporter.Export(model, new Dictionary<string, string>
        {
            ["cctvmask.base_model"] = Path.GetFileName(options.BaseModelPath),
            ["cctvmask.epoch"] = epoch.ToString(CultureInfo.InvariantCulture),
            ["cctvmask.val_face_ap50"] = ap.ToString("F4", CultureInfo.InvariantCulture),
            ["cctvmask.dataset"] = string.Create(CultureInfo.InvariantCulture,
                $"train={string.Join('|', options.TrainDirs.Select(Path.GetFileName))};photos={Path.GetFileName(options.PhotosDir)};train_photos={split.Train.Count};train_faces={split.TrainFaces};val_photos={split.Validation.Count};heldout_skipped={split.HeldOutSkipped}"),
            ["cctvmask.seed"] = options.Seed.ToString(CultureInfo.InvariantCulture),
            ["cctvmask.git_commit"] = gitCommit,
        });
}

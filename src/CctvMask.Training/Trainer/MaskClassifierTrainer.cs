using System.Diagnostics;
using System.Globalization;
using CctvMask.Training.Augmentation;
using CctvMask.Training.Data;
using CctvMask.Training.Evaluation;
using CctvMask.Training.Export;
using CctvMask.Training.Metrics;
using CctvMask.Training.Modeling;
using CctvMask.Training.Reporting;
using CctvMask.Vision.MaskClassification;
using TorchSharp;
using static TorchSharp.torch;

namespace CctvMask.Training.Trainer;

/// <summary>
/// <c>cctvmask train</c>: crops faces as inference does, trains MobileNetV2 (from scratch, or from an earlier
/// checkpoint or ONNX model of this trainer) with augmentation
/// (AdamW, warm-up then cosine decay, class-balanced loss), validates every epoch, and writes the ONNX
/// model, a TorchSharp checkpoint, report.json and plot.png. Deterministic for a given seed.
/// </summary>
public sealed class MaskClassifierTrainer(TrainingOptions options, IFaceFinder finder)
{
    public const string CheckpointFileName = "checkpoint.bin";
    public const string ReportFileName = "report.json";
    public const string PlotFileName = "plot.png";
    private const int LatencyIterations = 30;

    public TrainingResult Run(IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options.Validate();
        var total = Stopwatch.StartNew();
        // The commit of the code that trains (others may commit while a long run is going).
        var gitCommit = GitInfo.CurrentCommit();
        var classes = options.Classes;
        torch.manual_seed(options.Seed);
        Directory.CreateDirectory(options.ReportDir);
        var outDir = Path.GetDirectoryName(Path.GetFullPath(options.OutputPath));
        if (outDir is not null) Directory.CreateDirectory(outDir);

        progress?.Report(new TrainingProgress("Scanning datasets", 0, options.Epochs, 0, 0, 0, 0));
        var split = DatasetScanner.Scan(options.DatasetDirs, classes, options.ValidationFraction, options.Seed);
        var trainImages = Limit(split.Train);
        var validationImages = Limit(split.Validation);

        var meta = new MaskClassifierMetadata(classes, options.InputSize, ChannelOrder.Rgb, [0.5f, 0.5f, 0.5f], [0.5f, 0.5f, 0.5f], options.CropMargin);
        var cache = new FaceLocationCache(Path.Combine(options.CacheDir, "face-locations.json"));
        var loader = new SampleLoader(new FaceLocator(finder), cache, options.CropMargin, options.InputSize, options.Augmentation.ContextFactor);
        void Crops(string phase, int done, int count) => progress?.Report(new TrainingProgress(phase, 0, options.Epochs, done, count, 0, 0));
        var train = loader.Load(trainImages, forTraining: true, (d, n) => Crops("Cropping training faces", d, n));
        var validation = loader.Load(validationImages, forTraining: false, (d, n) => Crops("Cropping validation faces", d, n));
        var photoLoader = new PhotoFaceLoader(finder, classes, options.HoldOutModulus, options.MinPhotoFaceSize);
        if (options.PhotosDir is not null)
        {
            progress?.Report(new TrainingProgress("Cropping photo faces", 0, options.Epochs, 0, 0, 0, 0));
            photoLoader.AddTrainingFaces(options.PhotosDir, train, loader.ContextMargin);
        }
        foreach (var extra in options.ExtraPhotosDirs)
        {
            progress?.Report(new TrainingProgress("Cropping extra photo faces", 0, options.Epochs, 0, 0, 0, 0));
            photoLoader.AddTrainingFaces(extra, train, loader.ContextMargin, holdOut: false,
                options.ExtraPhotoClasses.Count > 0 ? options.ExtraPhotoClasses : null);
        }
        if (train.Count == 0) throw new InvalidDataException("No readable training images.");
        var crops = new CropStatistics(loader.BySource, loader.Unreadable, loader.UnreadableFiles,
            photoLoader.PhotosUsed, photoLoader.PhotosHeldOut, photoLoader.FacesPerClass);

        var batches = new BatchAssembler(new FaceAugmenter(options.Augmentation, options.CropMargin), meta, options.Seed);
        using var model = MaskNetFactory.Create(classes.Count, options.WidthMultiplier, options.Dropout);
        if (options.InitCheckpoint is { } init)
        {
            if (!File.Exists(init)) throw new FileNotFoundException($"Initial checkpoint not found: {init}", init);
            model.load(init);
        }
        if (options.InitOnnx is { } initOnnx)
        {
            if (!File.Exists(initOnnx)) throw new FileNotFoundException($"Initial ONNX model not found: {initOnnx}", initOnnx);
            MobileNetV2OnnxImporter.Load(model, File.ReadAllBytes(initOnnx));
        }
        bool freezeNorm = options.FreezeBatchNorm || options.InitOnnx is not null;
        using var optimizer = optim.AdamW(model.parameters(), options.LearningRate, weight_decay: options.WeightDecay);
        using var classWeights = ClassWeights(train, classes.Count);

        int stepsPerEpoch = (train.Count + options.BatchSize - 1) / options.BatchSize;
        if (options.MaxStepsPerEpoch is { } cap) stepsPerEpoch = Math.Min(stepsPerEpoch, cap);
        int totalSteps = stepsPerEpoch * options.Epochs;
        var history = new List<EpochMetrics>();
        var order = Enumerable.Range(0, train.Count).ToArray();
        var shuffle = new Random(options.Seed);
        int globalStep = 0;
        ConfusionMatrix finalMatrix = new(classes.Count);

        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var epochClock = Stopwatch.StartNew();
            shuffle.Shuffle(order);
            model.train();
            if (freezeNorm) MobileNetV2OnnxImporter.FreezeBatchNorm(model);
            double lossSum = 0, lr = 0;
            long correct = 0, seen = 0;
            // Double buffering: the next batch is augmented on the thread pool while TorchSharp runs this one.
            var buffers = new[] { (X: new float[options.BatchSize * batches.SampleLength], Y: new long[options.BatchSize]),
                                  (X: new float[options.BatchSize * batches.SampleLength], Y: new long[options.BatchSize]) };
            int ep = epoch;
            Task<int> Prepare(int step)
            {
                int start = step * options.BatchSize;
                int count = Math.Min(options.BatchSize, train.Count - start);
                var (bx, by) = buffers[step % 2];
                return Task.Run(() => { batches.Augmented(train, order.AsSpan(start, count), ep, bx, by); return count; }, cancellationToken);
            }
            var pending = Prepare(0);
            for (int step = 0; step < stepsPerEpoch; step++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int n = pending.GetAwaiter().GetResult();
                var (x, y) = buffers[step % 2];
                if (step + 1 < stepsPerEpoch) pending = Prepare(step + 1);
                lr = LearningRate(globalStep++, stepsPerEpoch, totalSteps);
                foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;

                using var scope = NewDisposeScope();
                var input = tensor(x.AsSpan(0, n * batches.SampleLength).ToArray(), [n, 3, options.InputSize, options.InputSize]);
                var target = tensor(y.AsSpan(0, n).ToArray());
                optimizer.zero_grad();
                var logits = model.call(input);
                var loss = nn.functional.cross_entropy(logits, target, classWeights);
                loss.backward();
                optimizer.step();

                lossSum += loss.item<float>() * n;
                correct += logits.argmax(1).eq(target).sum().item<long>();
                seen += n;
                progress?.Report(new TrainingProgress("Training", epoch, options.Epochs, step + 1, stepsPerEpoch, lossSum / seen, (double)correct / seen));
            }

            var (valLoss, matrix) = ModelEvaluation.Run(model, batches, validation, options.BatchSize, classes.Count);
            finalMatrix = matrix;
            var metrics = new EpochMetrics(epoch, lossSum / seen, (double)correct / seen, valLoss, matrix.Accuracy,
                epochClock.Elapsed.TotalSeconds, lr);
            history.Add(metrics);
            // A checkpoint per epoch: a stopped run continues with --init (same split and seed).
            model.save(Path.Combine(options.ReportDir, CheckpointFileName));
            progress?.Report(new TrainingProgress("Validated", epoch, options.Epochs, stepsPerEpoch, stepsPerEpoch,
                metrics.TrainLoss, metrics.TrainAccuracy, metrics));
        }

        var report = ClassificationReport.From(finalMatrix, classes);
        double trainingSeconds = total.Elapsed.TotalSeconds;
        var checkpoint = Path.Combine(options.ReportDir, CheckpointFileName);
        model.save(checkpoint);

        var created = DateTimeOffset.UtcNow;
        var metadata = new MaskClassifierMetadata(classes, meta.InputSize, meta.ChannelOrder, meta.Mean, meta.Std, meta.CropMargin)
        {
            Dataset = DatasetDescription(split.Summary, crops, train),
            Metrics = string.Create(CultureInfo.InvariantCulture,
                $"val_accuracy={report.Accuracy:F4};val_macro_f1={report.MacroAverage.F1:F4};{string.Join(';', report.Classes.Select(c => FormattableString.Invariant($"{c.Name}_recall={c.Recall:F4}")))}"),
            GitCommit = gitCommit,
            Created = created.ToString("O", CultureInfo.InvariantCulture),
        }.ToMetadata();
        model.eval();
        var onnx = MobileNetV2OnnxExporter.Export(model, options.InputSize, classes.Count, metadata);
        HeldOutReport? heldOut = null;
        if (options.PhotosDir is not null)
        {
            progress?.Report(new TrainingProgress("Evaluating held-out photos", options.Epochs, options.Epochs, 0, 0, 0, 0));
            heldOut = new HeldOutEvaluator(finder, options.HoldOutModulus).Evaluate(onnx, options.PhotosDir);
            metadata[MaskClassifierMetadataKeys.Metrics] += string.Create(CultureInfo.InvariantCulture,
                $";heldout_photos={heldOut.Photos};heldout_matched={heldOut.MatchedFaces};heldout_accuracy={heldOut.All.Accuracy:F4};heldout_without_mask_recall={heldOut.All["without_mask"].Recall:F4}");
            onnx = MobileNetV2OnnxExporter.Export(model, options.InputSize, classes.Count, metadata);
        }
        File.WriteAllBytes(options.OutputPath, onnx);

        progress?.Report(new TrainingProgress("Measuring latency", options.Epochs, options.Epochs, 0, 0, 0, 0));
        double ms1 = OnnxLatency.MillisecondsPerFace(onnx, options.InputSize, 1, LatencyIterations);
        double ms32 = OnnxLatency.MillisecondsPerFace(onnx, options.InputSize, 32, LatencyIterations / 3);

        var trainPerClass = classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => train.CountOf(p.i));
        var full = new TrainingReport(options, split.Summary, crops, train.Count, trainPerClass, validation.Count, history,
            report, heldOut, trainingSeconds, ms1, ms32, Path.GetFullPath(options.OutputPath), gitCommit, created);
        var reportPath = Path.Combine(options.ReportDir, ReportFileName);
        full.Save(reportPath);
        var plotPath = Path.Combine(options.ReportDir, PlotFileName);
        TrainingPlot.Save(history, plotPath);
        return new TrainingResult(full, Path.GetFullPath(options.OutputPath), checkpoint, reportPath, plotPath);
    }

    /// <summary>Linear warm-up, then cosine decay to 1 % of the peak.</summary>
    private double LearningRate(int step, int stepsPerEpoch, int totalSteps)
    {
        int warmup = Math.Min(options.WarmupEpochs * stepsPerEpoch, totalSteps / 2);
        if (step < warmup) return options.LearningRate * (step + 1) / warmup;
        double t = (double)(step - warmup) / Math.Max(1, totalSteps - warmup);
        return options.LearningRate * (0.01 + 0.99 * 0.5 * (1 + Math.Cos(Math.PI * t)));
    }

    private Tensor ClassWeights(FaceSampleSet train, int classCount)
    {
        var w = new float[classCount];
        for (int c = 0; c < classCount; c++)
        {
            int count = train.CountOf(c);
            w[c] = options.BalanceClasses && count > 0 ? (float)train.Count / (classCount * count) : 1f;
        }
        return tensor(w);
    }

    private List<LabeledImage> Limit(IReadOnlyList<LabeledImage> images) =>
        options.MaxImagesPerClass is { } max
            ? [.. images.GroupBy(i => i.ClassIndex).SelectMany(g => g.Take(max))]
            : [.. images];

    private static string DatasetDescription(DatasetSummary summary, CropStatistics crops, FaceSampleSet train) =>
        string.Create(CultureInfo.InvariantCulture,
            $"folders={string.Join('|', summary.Roots.Select(Path.GetFileName))};" +
            $"train={string.Join(',', summary.TrainPerClass.Select(p => $"{p.Key}:{p.Value}"))};" +
            $"val={string.Join(',', summary.ValidationPerClass.Select(p => $"{p.Key}:{p.Value}"))};" +
            $"duplicates_removed={summary.DuplicatesRemoved};synthetic={summary.SyntheticInTrain};" +
            $"photo_faces={string.Join(',', crops.PhotoFacesPerClass.Select(p => $"{p.Key}:{p.Value}"))};" +
            $"whole_image_fallback={crops.BySource[CropSource.WholeImage]};train_samples={train.Count}");
}

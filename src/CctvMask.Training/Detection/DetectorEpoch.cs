using CctvMask.Vision.Geometry;
using TorchSharp;
using static TorchSharp.torch;

namespace CctvMask.Training.Detection;

/// <summary>
/// One training epoch: a seeded shuffle, batches augmented on the thread pool one step ahead (double buffering)
/// while TorchSharp runs the current one, AdamW steps with gradient clipping. Returns the epoch's mean losses.
/// </summary>
internal sealed class DetectorEpoch(
    DetectorTrainingOptions options, YuNetModule model, YuNetModule? teacher, optim.Optimizer optimizer,
    DetectionLoss loss, DetectorAugmenter augmenter)
{
    public DetectorEpochMetrics Run(int epoch, int steps, int trainCount, ref int globalStep, Func<int, double> learningRate,
        IProgress<DetectorTrainingProgress>? progress, CancellationToken cancellationToken)
    {
        int size = options.CanvasSize, batchSize = options.BatchSize, sampleLength = augmenter.SampleLength;
        var order = Enumerable.Range(0, trainCount).ToArray();
        // The shuffle depends on (seed, epoch) only, so a resumed run sees the same order as an uninterrupted one.
        if (!options.Augmentation.Disabled) new Random(unchecked(options.Seed * 31 + epoch)).Shuffle(order);
        var buffers = new[] { new Batch(batchSize, sampleLength), new Batch(batchSize, sampleLength) };
        Task<int> Prepare(int step)
        {
            int start = step * batchSize;
            int count = Math.Min(batchSize, trainCount - start);
            var batch = buffers[step % 2];
            return Task.Run(() =>
            {
                for (int i = 0; i < count; i++)
                    augmenter.Build(order[start + i], epoch, batch.Pixels.AsSpan(i * sampleLength, sampleLength), batch.Faces[i], batch.Ignored[i]);
                return count;
            }, cancellationToken);
        }

        model.train();
        double total = 0, obj = 0, cls = 0, box = 0, kps = 0, positives = 0, lr = 0;
        int images = 0, skipped = 0;
        var pending = Prepare(0);
        for (int step = 0; step < steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int n = pending.GetAwaiter().GetResult();
            var batch = buffers[step % 2];
            if (step + 1 < steps) pending = Prepare(step + 1);
            lr = learningRate(globalStep++);
            foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;

            // Forward/backward in micro-batches (gradients accumulate; each part weighs its share of the batch):
            // libtorch 2.10's CPU backward of YuNet's single-channel heads returns NaN gradients for batches > 1
            // now and then (every time under tcmalloc); one image per pass never did.
            optimizer.zero_grad();
            double stepLoss = 0, stepObj = 0, stepCls = 0, stepBox = 0, stepKps = 0;
            int stepPositives = 0;
            for (int first = 0; first < n; first += options.MicroBatch)
            {
                int m = Math.Min(options.MicroBatch, n - first);
                float share = (float)m / n;
                using var scope = NewDisposeScope();
                var input = torch.tensor(batch.Pixels.AsSpan(first * sampleLength, m * sampleLength).ToArray(), [m, 3, size, size]);
                Tensor? teacherKps = null;
                if (teacher is not null)
                {
                    using var _ = no_grad();
                    teacherKps = cat(teacher.call(input).Kps, 1);
                }
                var outputs = model.call(input);
                var result = loss.Compute(outputs, size, size, batch.Faces.Skip(first).Take(m).Select(f => (IReadOnlyList<BoxF>)f).ToList(), teacherKps,
                    batch.Ignored.Skip(first).Take(m).Select(f => (IReadOnlyList<BoxF>)f).ToList());
                (result.Total * share).backward();
                stepLoss += result.Total.item<float>() * m;
                stepObj += result.Objectness * m;
                stepCls += result.Class * m;
                stepBox += result.Box * m;
                stepKps += result.Landmarks * m;
                stepPositives += result.Positives;
            }
            var norm = nn.utils.clip_grad_norm_(model.parameters(), options.GradientClip);
            if (!double.IsFinite(norm))
            {
                // A non-finite gradient would poison every weight through AdamW's moments: drop the step.
                skipped++;
                continue;
            }
            optimizer.step();

            total += stepLoss;
            obj += stepObj;
            cls += stepCls;
            box += stepBox;
            kps += stepKps;
            positives += stepPositives;
            images += n;
            progress?.Report(new DetectorTrainingProgress("Training", epoch, options.Epochs, step + 1, steps, total / images));
        }
        if (pending is { IsCompleted: false }) pending.Wait(cancellationToken);
        return new DetectorEpochMetrics(epoch, total / Math.Max(1, images), obj / Math.Max(1, images), cls / Math.Max(1, images),
            box / Math.Max(1, images), kps / Math.Max(1, images), positives / Math.Max(1, images), double.NaN, double.NaN, 0, lr, skipped);
    }

    private sealed class Batch(int capacity, int sampleLength)
    {
        public float[] Pixels { get; } = new float[capacity * sampleLength];
        public List<BoxF>[] Faces { get; } = [.. Enumerable.Range(0, capacity).Select(_ => new List<BoxF>())];
        public List<BoxF>[] Ignored { get; } = [.. Enumerable.Range(0, capacity).Select(_ => new List<BoxF>())];
    }
}

using CctvMask.Training.Data;
using CctvMask.Training.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace CctvMask.Training.Trainer;

/// <summary>Loss and confusion matrix of a model on plain (un-augmented) crops.</summary>
internal static class ModelEvaluation
{
    public static (double Loss, ConfusionMatrix Matrix) Run(nn.Module<Tensor, Tensor> model, BatchAssembler batches,
        FaceSampleSet set, int batchSize, int classCount)
    {
        var matrix = new ConfusionMatrix(classCount);
        if (set.Count == 0) return (0, matrix);
        model.eval();
        double lossSum = 0;
        var x = new float[batchSize * batches.SampleLength];
        var y = new long[batchSize];
        int size = (int)Math.Sqrt(batches.SampleLength / 3);
        using var _ = no_grad();
        for (int start = 0; start < set.Count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            int n = Math.Min(batchSize, set.Count - start);
            batches.Plain(set, start, n, x, y);
            var input = tensor(x.AsSpan(0, n * batches.SampleLength).ToArray(), [n, 3, size, size]);
            var target = tensor(y.AsSpan(0, n).ToArray());
            var logits = model.call(input);
            lossSum += nn.functional.cross_entropy(logits, target, reduction: nn.Reduction.Sum).item<float>();
            var predicted = logits.argmax(1).data<long>().ToArray();
            for (int i = 0; i < n; i++) matrix.Add((int)y[i], (int)predicted[i]);
        }
        return (lossSum / set.Count, matrix);
    }
}

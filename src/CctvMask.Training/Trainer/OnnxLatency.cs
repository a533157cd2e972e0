using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace CctvMask.Training.Trainer;

/// <summary>Measures milliseconds per face of an exported classifier with ONNX Runtime on this CPU.</summary>
public static class OnnxLatency
{
    public static double MillisecondsPerFace(byte[] model, int inputSize, int batch, int iterations)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(iterations);
        using var session = new InferenceSession(model);
        var data = new float[batch * 3 * inputSize * inputSize];
        var rng = new Random(1);
        for (int i = 0; i < data.Length; i++) data[i] = rng.NextSingle() * 2 - 1;
        var input = new DenseTensor<float>(data, [batch, 3, inputSize, inputSize]);
        var inputs = new[] { NamedOnnxValue.CreateFromTensor("input", input) };
        for (int i = 0; i < 3; i++)
        {
            using var warm = session.Run(inputs);
        }
        var sw = Stopwatch.StartNew();
        for (int i = 0; i < iterations; i++)
        {
            using var r = session.Run(inputs);
        }
        return sw.Elapsed.TotalMilliseconds / iterations / batch;
    }
}

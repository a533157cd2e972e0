using CctvMask.Training.Export;
using CctvMask.Training.Modeling;
using Microsoft.ML.OnnxRuntime;
using DenseTensorF = Microsoft.ML.OnnxRuntime.Tensors.DenseTensor<float>;
using Tensor = TorchSharp.torch.Tensor;
using TorchSharp;
using static TorchSharp.torch;

namespace CctvMask.Training.Tests.Export;

public sealed class OnnxExportParityTests
{
    private const int Size = 32;

    [Fact]
    public void ExportedGraphMatchesTorchForwardOnRandomInputs()
    {
        torch.manual_seed(7);
        using var model = CreateWarmedModel();
        var bytes = MobileNetV2OnnxExporter.Export(model, Size, 2, new Dictionary<string, string> { ["cctvmask.classes"] = "with_mask,without_mask" });

        using var x = torch.randn(5, 3, Size, Size) * 1.5f;
        AssertParity(model, bytes, x);
    }

    [Fact]
    public void ExportWritesMetadataAndDynamicBatch()
    {
        torch.manual_seed(3);
        using var model = CreateWarmedModel();
        var bytes = MobileNetV2OnnxExporter.Export(model, Size, 2, new Dictionary<string, string> { ["cctvmask.input_size"] = "32" });
        using var session = new InferenceSession(bytes);
        Assert.Equal("32", session.ModelMetadata.CustomMetadataMap["cctvmask.input_size"]);
        var dims = session.InputMetadata[MobileNetV2OnnxExporter.InputName].Dimensions;
        Assert.Equal([-1, 3, Size, Size], dims);
        Assert.Equal(MobileNetV2OnnxExporter.OutputName, Assert.Single(session.OutputMetadata.Keys));
    }

    /// <summary>A few training steps so BatchNorm running statistics are far from their identity defaults.</summary>
    internal static nn.Module<Tensor, Tensor> CreateWarmedModel()
    {
        var model = MaskNetFactory.Create(2, 0.35, 0.2);
        model.train();
        using (no_grad())
        {
            for (int i = 0; i < 3; i++)
            {
                using var warm = torch.rand(8, 3, Size, Size) * 3f - 0.5f;
                using var _ = model.call(warm);
            }
        }
        model.eval();
        return model;
    }

    internal static void AssertParity(nn.Module<Tensor, Tensor> model, byte[] onnx, Tensor x)
    {
        float[] expected;
        using (no_grad())
        {
            using var logits = model.call(x);
            using var probs = nn.functional.softmax(logits, 1);
            expected = probs.data<float>().ToArray();
        }

        using var session = new InferenceSession(onnx);
        var input = x.contiguous().data<float>().ToArray();
        var shape = x.shape.Select(d => (int)d).ToArray();
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(MobileNetV2OnnxExporter.InputName, new DenseTensorF(input, shape))]);
        var actual = results.Single().AsEnumerable<float>().ToArray();

        Assert.Equal(expected.Length, actual.Length);
        var maxDiff = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(maxDiff <= 1e-4, $"max abs difference {maxDiff}");
        // The probabilities must not be degenerate, or the comparison proves little.
        Assert.Contains(expected, p => p > 0.01 && p < 0.99);
    }
}

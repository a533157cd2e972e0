using CctvMask.Training.Export;
using CctvMask.Training.Modeling;
using Microsoft.ML.OnnxRuntime;
using TorchSharp;
using static TorchSharp.torch;
using DenseTensorF = Microsoft.ML.OnnxRuntime.Tensors.DenseTensor<float>;

namespace CctvMask.Training.Tests.Export;

/// <summary><see cref="MobileNetV2OnnxImporter"/>: an exported model imported back computes the same, with BatchNorm folded.</summary>
public sealed class OnnxImportParityTests
{
    private const int Size = 32;

    [Fact]
    public void An_imported_model_matches_the_onnx_it_came_from_and_re_exports_to_the_same_outputs()
    {
        torch.manual_seed(11);
        using var source = OnnxExportParityTests.CreateWarmedModel();
        var onnx = MobileNetV2OnnxExporter.Export(source, Size, 2, new Dictionary<string, string>());
        using var imported = MaskNetFactory.Create(2, 0.35, 0.2);

        Assert.Equal(2, MobileNetV2OnnxImporter.Load(imported, onnx));
        imported.eval();

        using var x = torch.randn(4, 3, Size, Size) * 1.5f;
        OnnxExportParityTests.AssertParity(imported, onnx, x);
        var again = MobileNetV2OnnxExporter.Export(imported, Size, 2, new Dictionary<string, string>());
        OnnxExportParityTests.AssertParity(imported, again, x);
    }

    [Fact]
    public void A_third_class_keeps_the_first_two_logits_and_frozen_batch_norm_keeps_them_in_training_mode()
    {
        torch.manual_seed(12);
        using var source = OnnxExportParityTests.CreateWarmedModel();
        var onnx = MobileNetV2OnnxExporter.Export(source, Size, 2, new Dictionary<string, string>());
        using var three = MaskNetFactory.Create(3, 0.35, 0.0);
        MobileNetV2OnnxImporter.Load(three, onnx);
        three.train();
        MobileNetV2OnnxImporter.FreezeBatchNorm(three); // batch statistics would undo the folded scale

        using var x = torch.randn(4, 3, Size, Size) * 1.5f;
        float[] logits;
        using (no_grad())
        using (var l = three.call(x))
            logits = l.data<float>().ToArray();
        var expected = Run(onnx, x);

        for (int i = 0; i < 4; i++)
        {
            // softmax over the first two logits = the two-class model's probabilities.
            double p0 = 1 / (1 + Math.Exp(logits[i * 3 + 1] - logits[i * 3]));
            Assert.True(Math.Abs(p0 - expected[i * 2]) <= 1e-4, $"sample {i}: {p0} vs {expected[i * 2]}");
        }
        Assert.Contains(expected, p => p > 0.01 && p < 0.99);
    }

    private static float[] Run(byte[] onnx, Tensor x)
    {
        using var session = new InferenceSession(onnx);
        var input = x.contiguous().data<float>().ToArray();
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(MobileNetV2OnnxExporter.InputName,
            new DenseTensorF(input, x.shape.Select(d => (int)d).ToArray()))]);
        return results.Single().AsEnumerable<float>().ToArray();
    }
}

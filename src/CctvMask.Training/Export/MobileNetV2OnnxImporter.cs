using Onnx;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CctvMask.Training.Export;

/// <summary>
/// Loads the weights of a model written by <see cref="MobileNetV2OnnxExporter"/> back into a TorchSharp
/// MobileNetV2 of the same width, so a committed classifier can be fine-tuned (e.g. to add a class) without
/// its training checkpoint. The ONNX graph has BatchNorm folded into each Conv, so each BatchNorm gets the
/// identity (γ = 1, running mean 0, running variance 1 − ε) and β = the folded bias; training must then keep
/// BatchNorm in inference mode (<see cref="Trainer.TrainingOptions.FreezeBatchNorm"/>), because batch
/// statistics would undo the scale folded into the weights. The classifier rows of classes the ONNX model
/// has are copied; extra classes keep their fresh initialisation. Re-export reproduces the source graph.
/// </summary>
public static class MobileNetV2OnnxImporter
{
    /// <summary>Copies the ONNX weights into <paramref name="model"/>; returns the number of classes of the ONNX model.</summary>
    public static int Load(nn.Module<Tensor, Tensor> model, byte[] onnx)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(onnx);
        var graph = ModelProto.Parser.ParseFrom(onnx).Graph;
        var initializers = graph.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var convNodes = graph.Node.Where(n => n.OpType == "Conv").ToList();
        var gemm = graph.Node.Single(n => n.OpType == "Gemm");
        // The exporter's walk (children in definition order), so the i-th Conv node is the i-th Conv2d here;
        // TorchSharp's modules() visits a container's own layers before nested blocks, which is not graph order.
        var modules = new List<nn.Module>();
        Walk(model, modules);
        var convs = modules.OfType<Conv2d>().ToList();
        var norms = modules.OfType<BatchNorm2d>().ToList();
        var linear = modules.OfType<Linear>().Single();
        if (convs.Count != convNodes.Count || norms.Count != convs.Count)
            throw new InvalidDataException($"The ONNX model has {convNodes.Count} convolutions, the network {convs.Count} (and {norms.Count} BatchNorms): not the same architecture or width.");

        using var _ = no_grad();
        for (int i = 0; i < convs.Count; i++)
        {
            var weight = Floats(initializers[convNodes[i].Input[1]]);
            CopyInto(convs[i].weight!, weight, $"conv {i}");
            var bias = convNodes[i].Input.Count > 2 ? Floats(initializers[convNodes[i].Input[2]]) : new float[convs[i].weight!.shape[0]];
            var bn = norms[i];
            bn.weight!.fill_(1f);
            CopyInto(bn.bias!, bias, $"bn {i}");
            bn.running_mean!.zero_();
            bn.running_var!.fill_(1f - bn.eps);
        }

        var fcW = Floats(initializers[gemm.Input[1]]);
        var fcB = Floats(initializers[gemm.Input[2]]);
        int features = (int)linear.weight!.shape[1];
        int sourceClasses = fcB.Length;
        if (fcW.Length != sourceClasses * features)
            throw new InvalidDataException($"The ONNX classifier has {fcW.Length / Math.Max(1, sourceClasses)} features, the network {features}.");
        int copied = Math.Min(sourceClasses, (int)linear.weight.shape[0]);
        linear.weight[..copied].copy_(tensor(fcW.AsSpan(0, copied * features).ToArray(), [copied, features]));
        linear.bias![..copied].copy_(tensor(fcB.AsSpan(0, copied).ToArray()));
        return sourceClasses;
    }

    /// <summary>Puts every BatchNorm of the model in inference mode (after <c>model.train()</c>); their γ and β still learn.</summary>
    public static void FreezeBatchNorm(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var bn in model.modules().OfType<BatchNorm2d>()) bn.eval();
    }

    private static void Walk(nn.Module module, List<nn.Module> into)
    {
        switch (module)
        {
            case Conv2d or BatchNorm2d or Linear:
                into.Add(module);
                return;
            case MobileNetV2 net:
                foreach (var name in new[] { "features", "classifier" })
                    Walk(net.named_children().First(c => c.name == name).module, into);
                return;
        }
        if (module.GetType().Name == "InvertedResidual")
        {
            var conv = module.GetType().GetField("conv", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public)?.GetValue(module) as nn.Module
                ?? throw new NotSupportedException("InvertedResidual without its 'conv' block.");
            Walk(conv, into);
            return;
        }
        foreach (var (_, child) in module.named_children()) Walk(child, into);
    }

    private static void CopyInto(Tensor target, float[] data, string what)
    {
        if (target.numel() != data.Length)
            throw new InvalidDataException($"{what}: the ONNX tensor has {data.Length} values, the network {target.numel()}.");
        target.copy_(tensor(data, target.shape));
    }

    private static float[] Floats(TensorProto t)
    {
        if (t.DataType != (int)TensorProto.Types.DataType.Float) throw new InvalidDataException($"{t.Name} is not float32.");
        if (!t.RawData.IsEmpty) return System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(t.RawData.Span).ToArray();
        return [.. t.FloatData];
    }
}

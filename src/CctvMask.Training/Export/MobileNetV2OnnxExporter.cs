using System.Reflection;
using Google.Protobuf;
using Onnx;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CctvMask.Training.Export;

/// <summary>
/// Writes a TorchVision MobileNetV2 (and any Sequential of Conv2d/BatchNorm2d/ReLU6/Dropout/Linear) as an
/// ONNX graph: BatchNorm folded into Conv, ReLU6 as Clip(0, 6) with min/max inputs, global average pool,
/// Gemm, softmax probabilities. Input <c>input</c> [N,3,S,S] with a symbolic batch dimension, output
/// <c>probabilities</c> [N,C]. TorchSharp has no ONNX exporter; this one covers exactly what we train.
/// </summary>
public static class MobileNetV2OnnxExporter
{
    /// <summary>ONNX opset: 13 has Clip with min/max inputs (≥ 11) and single-axis Softmax.</summary>
    public const int Opset = 13;
    public const string InputName = "input";
    public const string OutputName = "probabilities";

    private const long IrVersion = 8;

    /// <summary>Exports the model (its inference-mode weights) to ONNX bytes.</summary>
    public static byte[] Export(nn.Module<Tensor, Tensor> model, int inputSize, int numClasses,
        IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputSize, 8);
        ArgumentOutOfRangeException.ThrowIfLessThan(numClasses, 2);

        var b = new OnnxGraphBuilder();
        b.Graph.Input.Add(OnnxGraphBuilder.FloatTensor(InputName, "N", 3, inputSize, inputSize));
        using (no_grad())
        {
            var logits = EmitModule(b, model, InputName);
            b.AddNode("Softmax", [logits], OutputName, OnnxGraphBuilder.Int("axis", 1));
        }
        b.Graph.Output.Add(OnnxGraphBuilder.FloatTensor(OutputName, "N", numClasses));

        var proto = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "CctvMask.Training",
            ProducerVersion = typeof(MobileNetV2OnnxExporter).Assembly.GetName().Version?.ToString() ?? "0",
            Graph = b.Graph,
        };
        proto.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
        foreach (var (key, value) in metadata)
            proto.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        return proto.ToByteArray();
    }

    private static string EmitModule(OnnxGraphBuilder b, nn.Module module, string input)
    {
        switch (module)
        {
            case Sequential seq:
                return EmitSequence(b, seq.named_children().Select(c => c.module).ToList(), input);
            case MobileNetV2 net:
                {
                    var x = EmitModule(b, Child(net, "features"), input);
                    x = b.AddNode("GlobalAveragePool", [x]);
                    x = b.AddNode("Flatten", [x], OnnxGraphBuilder.Int("axis", 1));
                    return EmitModule(b, Child(net, "classifier"), x);
                }
            default:
                if (module.GetType().Name == "InvertedResidual")
                {
                    var body = EmitModule(b, (nn.Module)PrivateField(module, "conv"), input);
                    return (bool)PrivateField(module, "use_res_connect") ? b.AddNode("Add", [input, body]) : body;
                }
                return EmitSequence(b, [module], input);
        }
    }

    private static string EmitSequence(OnnxGraphBuilder b, IReadOnlyList<nn.Module> layers, string input)
    {
        var x = input;
        for (int i = 0; i < layers.Count; i++)
        {
            switch (layers[i])
            {
                case Conv2d conv:
                    var bn = i + 1 < layers.Count ? layers[i + 1] as BatchNorm2d : null;
                    x = EmitConv(b, conv, bn, x);
                    if (bn is not null) i++;
                    break;
                case ReLU6:
                    x = b.AddNode("Clip", [x, b.AddScalar("zero", 0f), b.AddScalar("six", 6f)]);
                    break;
                case ReLU:
                    x = b.AddNode("Relu", [x]);
                    break;
                case Dropout:
                case Identity:
                    break;
                case Linear linear:
                    x = EmitLinear(b, linear, x);
                    break;
                case Sequential or MobileNetV2:
                    x = EmitModule(b, layers[i], x);
                    break;
                default:
                    if (layers[i].GetType().Name == "InvertedResidual")
                    {
                        x = EmitModule(b, layers[i], x);
                        break;
                    }
                    throw new NotSupportedException($"ONNX export does not support layer type {layers[i].GetType().Name}.");
            }
        }
        return x;
    }

    private static string EmitConv(OnnxGraphBuilder b, Conv2d conv, BatchNorm2d? bn, string input)
    {
        if (conv.padding_type is not null && conv.padding_type != Padding.Valid)
            throw new NotSupportedException("ONNX export supports explicit convolution padding only.");
        var shape = conv.weight!.shape;
        var weight = ToArray(conv.weight);
        var bias = conv.bias is null ? null : ToArray(conv.bias);
        if (bn is not null)
        {
            bias = BatchNormFolding.Fold(weight, bias, ToArray(bn.weight!), ToArray(bn.bias!),
                ToArray(bn.running_mean!), ToArray(bn.running_var!), bn.eps);
        }
        var inputs = new List<string> { input, b.AddInitializer("conv_w", weight, shape) };
        if (bias is not null) inputs.Add(b.AddInitializer("conv_b", bias, shape[0]));

        var kernel = conv.kernel_size;
        var stride = conv.stride;
        var dilation = conv.dilation;
        var pad = conv.padding ?? [0, 0];
        return b.AddNode("Conv", inputs,
            OnnxGraphBuilder.Ints("kernel_shape", kernel[0], kernel[^1]),
            OnnxGraphBuilder.Ints("strides", stride[0], stride[^1]),
            OnnxGraphBuilder.Ints("dilations", dilation[0], dilation[^1]),
            OnnxGraphBuilder.Ints("pads", pad[0], pad[^1], pad[0], pad[^1]),
            OnnxGraphBuilder.Int("group", conv.groups));
    }

    private static string EmitLinear(OnnxGraphBuilder b, Linear linear, string input)
    {
        var shape = linear.weight!.shape;
        var inputs = new List<string> { input, b.AddInitializer("fc_w", ToArray(linear.weight), shape) };
        if (linear.bias is not null) inputs.Add(b.AddInitializer("fc_b", ToArray(linear.bias), shape[0]));
        return b.AddNode("Gemm", inputs, OnnxGraphBuilder.Int("transB", 1));
    }

    private static nn.Module Child(nn.Module parent, string name) =>
        parent.named_children().FirstOrDefault(c => c.name == name).module
        ?? throw new NotSupportedException($"{parent.GetType().Name} has no child '{name}'.");

    private static object PrivateField(object owner, string name) =>
        owner.GetType().GetField(name, BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)?.GetValue(owner)
        ?? throw new NotSupportedException($"{owner.GetType().Name} has no field '{name}'.");

    private static float[] ToArray(Tensor t)
    {
        using var c = t.detach().cpu().to_type(ScalarType.Float32).contiguous();
        return c.data<float>().ToArray();
    }
}

using System.Runtime.InteropServices;
using CctvMask.Vision.Detection;
using Onnx;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CctvMask.Training.Detection;

/// <summary>
/// YuNet as a trainable TorchSharp module: the published ONNX graph is executed node by node, and every
/// Conv's weight and bias (BatchNorm is already folded into them) is a parameter. Executing the graph
/// rather than re-declaring the architecture means the same code serves YuNet-n and YuNet-s, and the
/// exporter can write the trained weights back into exactly the graph that was read.
/// </summary>
public sealed class YuNetModule : nn.Module<Tensor, YuNetOutputs>
{
    private static readonly HashSet<string> Supported =
        ["Conv", "Relu", "MaxPool", "Add", "Resize", "Upsample", "Concat", "Transpose", "Reshape", "Sigmoid", "Shape", "Gather", "Unsqueeze"];

    private readonly ModelProto _model;
    private readonly NodeProto[] _nodes;
    private readonly Dictionary<string, long[]> _constants = [];
    private readonly Dictionary<string, float[]> _floatConstants = [];
    private readonly Dictionary<string, Parameter> _convParameters = [];
    private readonly List<(string Parameter, string Initializer)> _initializerOf = [];
    private readonly string _inputName;

    private YuNetModule(ModelProto model) : base("yunet")
    {
        _model = model;
        var graph = model.Graph;
        _nodes = [.. graph.Node];
        foreach (var node in _nodes)
        {
            if (!Supported.Contains(node.OpType))
                throw new NotSupportedException($"YuNet graph node '{node.Name}' uses {node.OpType}, which the TorchSharp executor does not implement.");
        }
        var initializers = graph.Initializer.ToDictionary(t => t.Name);
        _inputName = graph.Input.First(i => !initializers.ContainsKey(i.Name)).Name;
        int convIndex = 0;
        foreach (var node in _nodes.Where(n => n.OpType == "Conv"))
        {
            for (int k = 1; k < node.Input.Count; k++)
            {
                var name = node.Input[k];
                if (_convParameters.ContainsKey(name)) continue;
                var t = initializers[name];
                // TorchSharp rejects '.' in parameter names, so parameters are numbered in graph order.
                var paramName = $"conv{convIndex:D3}_{(k == 1 ? "weight" : "bias")}";
                var p = new Parameter(tensor(ReadFloats(t), t.Dims.ToArray()));
                register_parameter(paramName, p);
                _convParameters[name] = p;
                _initializerOf.Add((paramName, name));
            }
            convIndex++;
        }
        foreach (var t in graph.Initializer)
        {
            if (_convParameters.ContainsKey(t.Name)) continue;
            if (t.DataType == (int)TensorProto.Types.DataType.Int64) _constants[t.Name] = ReadLongs(t);
            else if (t.DataType == (int)TensorProto.Types.DataType.Float) _floatConstants[t.Name] = ReadFloats(t);
        }
        OutputNames = [.. graph.Output.Select(o => o.Name)];
    }

    /// <summary>Names of the graph outputs, in graph order (cls_8 … kps_32 for YuNet).</summary>
    public IReadOnlyList<string> OutputNames { get; }

    /// <summary>The ONNX model the module was read from (its weights as published, not as trained).</summary>
    public ModelProto SourceModel => _model;

    /// <summary>Pairs of (parameter name, ONNX initializer name), in graph order.</summary>
    public IReadOnlyList<(string Parameter, string Initializer)> InitializerMap => _initializerOf;

    /// <summary>The parameter that holds an ONNX initializer's values.</summary>
    public Parameter ParameterFor(string initializerName) => _convParameters[initializerName];

    /// <summary>Parameters of the convolutions that feed only the landmark outputs (kps_*).</summary>
    public IReadOnlyList<Parameter> LandmarkHeadParameters() => HeadParameters("kps_");

    /// <summary>Reads an ONNX file.</summary>
    public static YuNetModule Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"YuNet model not found: {path}", path);
        try
        {
            return FromBytes(File.ReadAllBytes(path));
        }
        catch (Google.Protobuf.InvalidProtocolBufferException ex)
        {
            throw new ModelLoadException(path, $"not an ONNX model ({ex.Message})", ex);
        }
    }

    /// <summary>Reads an ONNX model from its bytes.</summary>
    public static YuNetModule FromBytes(byte[] onnx) => new(ModelProto.Parser.ParseFrom(onnx));

    /// <inheritdoc />
    public override YuNetOutputs forward(Tensor input)
    {
        var values = new Dictionary<string, Tensor>(_nodes.Length + 1) { [_inputName] = input };
        var shapes = new Dictionary<string, long[]>(_constants);
        var logits = new Dictionary<string, Tensor>();
        foreach (var node in _nodes)
        {
            var output = node.Output[0];
            switch (node.OpType)
            {
                case "Conv":
                    values[output] = Conv(node, values[node.Input[0]]);
                    break;
                case "Relu":
                    values[output] = nn.functional.relu(values[node.Input[0]]);
                    break;
                case "Sigmoid":
                    var x = values[node.Input[0]];
                    logits[output] = x;
                    values[output] = torch.sigmoid(x);
                    break;
                case "MaxPool":
                    values[output] = nn.functional.max_pool2d(values[node.Input[0]], Ints(node, "kernel_shape"),
                        Ints(node, "strides"), SymmetricPads(node), ceil_mode: Int(node, "ceil_mode", 0) != 0);
                    break;
                case "Add":
                    values[output] = values[node.Input[0]] + values[node.Input[1]];
                    break;
                case "Resize" or "Upsample":
                    values[output] = Resize(node, values[node.Input[0]]);
                    break;
                case "Transpose":
                    values[output] = values[node.Input[0]].permute(Ints(node, "perm"));
                    break;
                case "Reshape":
                    values[output] = values[node.Input[0]].reshape(shapes[node.Input[1]]);
                    break;
                case "Concat" when node.Input.All(shapes.ContainsKey):
                    shapes[output] = [.. node.Input.SelectMany(i => shapes[i])];
                    break;
                case "Concat":
                    values[output] = torch.cat(node.Input.Select(i => values[i]).ToList(), Int(node, "axis", 0));
                    break;
                // Shape arithmetic (batch size for the per-stride Reshape) runs on plain integers.
                case "Shape":
                    shapes[output] = values[node.Input[0]].shape;
                    break;
                case "Gather":
                    var source = shapes[node.Input[0]];
                    shapes[output] = [.. shapes[node.Input[1]].Select(i => source[i < 0 ? source.Length + i : i])];
                    break;
                case "Unsqueeze":
                    shapes[output] = shapes[node.Input[0]];
                    break;
            }
        }
        return YuNetOutputs.From(OutputNames, values, logits);
    }

    private Tensor Conv(NodeProto node, Tensor x)
    {
        var weight = _convParameters[node.Input[1]];
        var bias = node.Input.Count > 2 ? _convParameters[node.Input[2]] : null;
        long groups = Int(node, "group", 1);
        return nn.functional.conv2d(x, weight, bias, Ints(node, "strides"), SymmetricPads(node),
            Ints(node, "dilations"), groups);
    }

    private Tensor Resize(NodeProto node, Tensor x)
    {
        var mode = node.Attribute.FirstOrDefault(a => a.Name == "mode")?.S.ToStringUtf8() ?? "nearest";
        if (mode != "nearest") throw new NotSupportedException($"Resize mode '{mode}' is not implemented.");
        // Opset 11 Resize: (X, roi, scales[, sizes]); opset 9 Upsample: (X, scales).
        var scalesName = node.OpType == "Upsample" ? node.Input[1] : node.Input[2];
        if (!_floatConstants.TryGetValue(scalesName, out var scales) || scales.Length != 4)
            throw new NotSupportedException($"Resize node '{node.Name}' has no constant 4-element scales.");
        // Nearest, asymmetric, floor: output pixel i reads input floor(i / scale), which is PyTorch's 'nearest'.
        return nn.functional.interpolate(x, scale_factor: [scales[2], scales[3]], mode: InterpolationMode.Nearest);
    }

    private List<Parameter> HeadParameters(string outputPrefix)
    {
        // Walk back from the outputs through single-consumer convolutions: the head's own layers.
        var producers = _nodes.ToDictionary(n => n.Output[0]);
        var consumers = _nodes.SelectMany(n => n.Input).GroupBy(i => i).ToDictionary(g => g.Key, g => g.Count());
        var result = new List<Parameter>();
        var stack = new Stack<string>(OutputNames.Where(o => o.StartsWith(outputPrefix, StringComparison.Ordinal)));
        while (stack.Count > 0)
        {
            if (!producers.TryGetValue(stack.Pop(), out var node)) continue;
            if (node.OpType == "Conv")
            {
                result.AddRange(node.Input.Skip(1).Select(i => _convParameters[i]));
                if (consumers.GetValueOrDefault(node.Input[0]) == 1) stack.Push(node.Input[0]);
                continue;
            }
            if (node.OpType is "Transpose" or "Reshape" or "Sigmoid") stack.Push(node.Input[0]);
        }
        return result;
    }

    private static long[] SymmetricPads(NodeProto node)
    {
        var pads = Ints(node, "pads");
        if (pads.Length == 0) return [0, 0];
        if (pads.Length != 4 || pads[0] != pads[2] || pads[1] != pads[3])
            throw new NotSupportedException($"Node '{node.Name}' has asymmetric pads [{string.Join(',', pads)}].");
        return [pads[0], pads[1]];
    }

    private static long[] Ints(NodeProto node, string name) =>
        node.Attribute.FirstOrDefault(a => a.Name == name)?.Ints.ToArray() ?? [];

    private static long Int(NodeProto node, string name, long fallback) =>
        node.Attribute.FirstOrDefault(a => a.Name == name) is { } a ? a.I : fallback;

    internal static float[] ReadFloats(TensorProto t) =>
        t.RawData.Length > 0 ? MemoryMarshal.Cast<byte, float>(t.RawData.Span).ToArray() : [.. t.FloatData];

    private static long[] ReadLongs(TensorProto t) =>
        t.RawData.Length > 0 ? MemoryMarshal.Cast<byte, long>(t.RawData.Span).ToArray() : [.. t.Int64Data];
}

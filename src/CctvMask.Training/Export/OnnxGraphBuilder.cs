using Google.Protobuf;
using Onnx;

namespace CctvMask.Training.Export;

/// <summary>Small helper that appends nodes and float initializers to an ONNX graph with unique names.</summary>
internal sealed class OnnxGraphBuilder
{
    private int _counter;

    public GraphProto Graph { get; } = new() { Name = "mask_classifier" };

    public string NewName(string prefix) => $"{prefix}_{_counter++}";

    public string AddInitializer(string prefix, ReadOnlySpan<float> data, params long[] dims)
    {
        var name = NewName(prefix);
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        // Raw little-endian bytes: compact and what ONNX Runtime reads fastest.
        var bytes = new byte[data.Length * sizeof(float)];
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(data).CopyTo(bytes);
        tensor.RawData = ByteString.CopyFrom(bytes);
        Graph.Initializer.Add(tensor);
        return name;
    }

    public string AddScalar(string prefix, float value) => AddInitializer(prefix, [value]);

    public string AddNode(string opType, IEnumerable<string> inputs, params AttributeProto[] attributes)
    {
        var output = NewName(opType.ToLowerInvariant());
        AddNode(opType, inputs, output, attributes);
        return output;
    }

    public void AddNode(string opType, IEnumerable<string> inputs, string output, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = NewName(opType) };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        Graph.Node.Add(node);
    }

    public static AttributeProto Ints(string name, params long[] values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        a.Ints.AddRange(values);
        return a;
    }

    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    /// <summary>A float32 tensor value description; a null dimension is symbolic (dim_param).</summary>
    public static ValueInfoProto FloatTensor(string name, params object[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var d in dims)
        {
            shape.Dim.Add(d is string s
                ? new TensorShapeProto.Types.Dimension { DimParam = s }
                : new TensorShapeProto.Types.Dimension { DimValue = Convert.ToInt64(d, System.Globalization.CultureInfo.InvariantCulture) });
        }
        var tensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape };
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = tensorType } };
    }
}

using Google.Protobuf;
using Onnx;

namespace CctvMask.Vision.Tests.MaskClassification;

/// <summary>
/// A tiny ONNX classifier for tests: global average pool over [N,C,S,S] → Gemm(W,b) → softmax,
/// so expected probabilities can be computed by hand from channel means.
/// </summary>
internal static class TinyClassifierModel
{
    public static string Write(string path, int size, float[,] weights, float[] bias,
        IReadOnlyDictionary<string, string>? metadata, int channels = 3, string outputName = "probabilities")
    {
        int classes = bias.Length;
        var graph = new GraphProto { Name = "tiny" };
        graph.Input.Add(Tensor("input", ["N", channels, size, size]));
        graph.Output.Add(Tensor(outputName, ["N", classes]));
        var w = new TensorProto { Name = "w", DataType = (int)TensorProto.Types.DataType.Float };
        w.Dims.Add([channels, classes]);
        for (int c = 0; c < channels; c++)
            for (int k = 0; k < classes; k++)
                w.FloatData.Add(weights[c, k]);
        var b = new TensorProto { Name = "b", DataType = (int)TensorProto.Types.DataType.Float };
        b.Dims.Add(classes);
        b.FloatData.Add(bias);
        graph.Initializer.Add(w);
        graph.Initializer.Add(b);
        graph.Node.Add(Node("GlobalAveragePool", ["input"], "pooled"));
        graph.Node.Add(Node("Flatten", ["pooled"], "flat", new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = 1 }));
        graph.Node.Add(Node("Gemm", ["flat", "w", "b"], "logits"));
        graph.Node.Add(Node("Softmax", ["logits"], outputName, new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = 1 }));

        var model = new ModelProto { IrVersion = 8, ProducerName = "CctvMask.Vision.Tests", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 13 });
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
            model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        File.WriteAllBytes(path, model.ToByteArray());
        return path;
    }

    public static Dictionary<string, string> Metadata(int size, string order = "RGB") => new()
    {
        ["cctvmask.classes"] = "with_mask,without_mask",
        ["cctvmask.input_size"] = size.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["cctvmask.channel_order"] = order,
        ["cctvmask.mean"] = "0.5,0.5,0.5",
        ["cctvmask.std"] = "0.5,0.5,0.5",
        ["cctvmask.crop_margin"] = "0.25",
    };

    private static NodeProto Node(string op, string[] inputs, string output, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = output + "_node" };
        node.Input.Add(inputs);
        node.Output.Add(output);
        node.Attribute.Add(attributes);
        return node;
    }

    private static ValueInfoProto Tensor(string name, object[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var d in dims)
            shape.Dim.Add(d is string s ? new TensorShapeProto.Types.Dimension { DimParam = s } : new TensorShapeProto.Types.Dimension { DimValue = (int)d });
        var type = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape };
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = type } };
    }
}

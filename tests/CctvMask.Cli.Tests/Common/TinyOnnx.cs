using System.Globalization;
using Google.Protobuf;
using Onnx;

namespace CctvMask.Cli.Tests.Common;

/// <summary>
/// Small ONNX files written by the tests: a classifier with the project's input/output contract
/// (global average pool → Gemm → softmax, mask probability follows the mean green level), and a
/// model whose input is not what the classifier expects.
/// </summary>
internal static class TinyOnnx
{
    public static string WriteClassifier(string path, int size = 32) =>
        Write(path, "input", ["N", 3, size, size], "probabilities", Metadata(size));

    /// <summary>A well-formed ONNX model whose input has one channel: not a mask classifier.</summary>
    public static string WriteWrongInput(string path, int size = 32) =>
        Write(path, "pixels", ["N", 1, size, size], "probabilities", Metadata(size), channels: 1);

    private static Dictionary<string, string> Metadata(int size) => new()
    {
        ["cctvmask.classes"] = "with_mask,without_mask",
        ["cctvmask.input_size"] = size.ToString(CultureInfo.InvariantCulture),
        ["cctvmask.channel_order"] = "RGB",
        ["cctvmask.mean"] = "0.5,0.5,0.5",
        ["cctvmask.std"] = "0.5,0.5,0.5",
        ["cctvmask.crop_margin"] = "0.25",
    };

    private static string Write(string path, string inputName, object[] inputDims, string outputName,
        IReadOnlyDictionary<string, string> metadata, int channels = 3)
    {
        var graph = new GraphProto { Name = "tiny" };
        graph.Input.Add(Tensor(inputName, inputDims));
        graph.Output.Add(Tensor(outputName, ["N", 2]));
        var w = new TensorProto { Name = "w", DataType = (int)TensorProto.Types.DataType.Float };
        w.Dims.Add([channels, 2]);
        for (int c = 0; c < channels; c++)
            w.FloatData.Add([c == 1 ? 4f : 0f, c == 1 ? -4f : 0f]);
        var b = new TensorProto { Name = "b", DataType = (int)TensorProto.Types.DataType.Float };
        b.Dims.Add(2);
        b.FloatData.Add([0f, 0f]);
        graph.Initializer.Add(w);
        graph.Initializer.Add(b);
        graph.Node.Add(Node("GlobalAveragePool", [inputName], "pooled"));
        graph.Node.Add(Node("Flatten", ["pooled"], "flat", new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = 1 }));
        graph.Node.Add(Node("Gemm", ["flat", "w", "b"], "logits"));
        graph.Node.Add(Node("Softmax", ["logits"], outputName, new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = 1 }));
        var model = new ModelProto { IrVersion = 8, ProducerName = "CctvMask.Cli.Tests", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 13 });
        foreach (var (key, value) in metadata)
            model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        File.WriteAllBytes(path, model.ToByteArray());
        return path;
    }

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

using static TorchSharp.torch;

namespace CctvMask.Training.Detection;

/// <summary>
/// YuNet's outputs for a batch, one entry per stride (ascending, 8/16/32), each [B, cells, width] with
/// cells row-major as Vision decodes them. Cls/Obj are probabilities (the graph's outputs); their
/// logits are kept so the losses can use the numerically stable BCE-with-logits.
/// </summary>
public sealed record YuNetOutputs(
    int[] Strides, Tensor[] Cls, Tensor[] Obj, Tensor[] ClsLogit, Tensor[] ObjLogit, Tensor[] Bbox, Tensor[] Kps)
{
    /// <summary>The output kinds of a YuNet graph, in the order Vision reads them.</summary>
    public static readonly string[] Kinds = ["cls", "obj", "bbox", "kps"];

    /// <summary>An output by its graph name (e.g. "bbox_16").</summary>
    public Tensor this[string name]
    {
        get
        {
            var (kind, stride) = Parse(name);
            int s = Array.IndexOf(Strides, stride);
            if (s < 0) throw new KeyNotFoundException(name);
            return kind switch
            {
                "cls" => Cls[s],
                "obj" => Obj[s],
                "bbox" => Bbox[s],
                "kps" => Kps[s],
                _ => throw new KeyNotFoundException(name),
            };
        }
    }

    /// <summary>Groups the graph's named outputs by kind and stride.</summary>
    internal static YuNetOutputs From(IReadOnlyList<string> names, Dictionary<string, Tensor> values, Dictionary<string, Tensor> logits)
    {
        int[] strides = [.. names.Select(n => Parse(n).Stride).Distinct().Order()];
        Tensor[] Pick(string kind, Dictionary<string, Tensor> source) =>
            [.. strides.Select(s => source.TryGetValue($"{kind}_{s}", out var t) ? t
                : throw new InvalidDataException($"The graph has no output {kind}_{s} (is this a YuNet model?)"))];
        return new YuNetOutputs(strides, Pick("cls", values), Pick("obj", values), Pick("cls", logits), Pick("obj", logits),
            Pick("bbox", values), Pick("kps", values));
    }

    private static (string Kind, int Stride) Parse(string name)
    {
        int cut = name.LastIndexOf('_');
        if (cut < 0 || !int.TryParse(name.AsSpan(cut + 1), out int stride))
            throw new InvalidDataException($"Output '{name}' is not named kind_stride (is this a YuNet model?)");
        return (name[..cut], stride);
    }
}

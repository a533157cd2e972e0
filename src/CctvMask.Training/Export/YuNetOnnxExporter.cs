using System.Runtime.InteropServices;
using CctvMask.Training.Detection;
using Google.Protobuf;
using Onnx;
using static TorchSharp.torch;

namespace CctvMask.Training.Export;

/// <summary>
/// The project's YuNet exporter: a copy of the graph the module was read from, with every Conv
/// initializer replaced by the trained values. Inputs, outputs, names, opset and nodes stay exactly
/// as published, so Vision's <c>YuNetFaceDetector</c> runs the result unchanged.
/// </summary>
public static class YuNetOnnxExporter
{
    /// <summary>Metadata key prefix written into the model (training provenance).</summary>
    public const string MetadataPrefix = "cctvmask.";

    public static byte[] Export(YuNetModule model, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var copy = model.SourceModel.Clone();
        var byName = copy.Graph.Initializer.ToDictionary(t => t.Name);
        using (no_grad())
        {
            foreach (var (_, initializer) in model.InitializerMap)
            {
                var target = byName[initializer];
                using var values = model.ParameterFor(initializer).detach().contiguous().cpu();
                var floats = values.data<float>().ToArray();
                var dims = target.Dims.ToArray();
                if (floats.Length != dims.Aggregate(1L, (a, b) => a * b))
                    throw new InvalidOperationException($"Parameter for {initializer} has {floats.Length} values; the graph expects [{string.Join(',', dims)}].");
                // Raw little-endian bytes, as the published model stores them.
                target.FloatData.Clear();
                target.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(floats.AsSpan()));
            }
        }
        if (metadata is not null)
        {
            foreach (var (key, value) in metadata)
            {
                var existing = copy.MetadataProps.FirstOrDefault(p => p.Key == key);
                if (existing is not null) existing.Value = value;
                else copy.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
            }
        }
        return copy.ToByteArray();
    }
}

using System.Buffers;
using CctvMask.Vision.Detection;
using CctvMask.Vision.FaceCrop;
using CctvMask.Vision.Geometry;
using CctvMask.Vision.Imaging;
using CctvMask.Vision.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;

namespace CctvMask.Vision.MaskClassification;

/// <summary>
/// Phase 2: classifies face crops with the project's ONNX classifier. Input size, channel order,
/// normalisation and class names come from the model's metadata. Thread-safe (ONNX Runtime sessions
/// allow concurrent runs; every call uses its own pooled buffers).
/// </summary>
public sealed class MaskClassifier : IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly int _chunk;
    private long _runs;

    /// <summary>Loads the model; throws <see cref="ModelLoadException"/> for missing/corrupt files or unexpected graphs/metadata.</summary>
    public MaskClassifier(MaskClassifierOptions options, OnnxRuntimeOptions? runtime = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        logger ??= NullLogger.Instance;
        ModelPath = options.ModelPath;
        _session = OnnxSessionFactory.Open(options.ModelPath, runtime ?? new OnnxRuntimeOptions(), logger);
        try
        {
            Metadata = MaskClassifierMetadata.Parse(_session.ModelMetadata.CustomMetadataMap, options.ModelPath);
            (_inputNames, _outputNames, int fixedBatch) = Validate(_session, Metadata, options.ModelPath);
            _chunk = fixedBatch > 0 ? fixedBatch : options.MaxBatch;
        }
        catch
        {
            _session.Dispose();
            _runOptions.Dispose();
            throw;
        }
        VisionLog.ClassifierReady(logger, ModelPath, Metadata.InputSize, Metadata.ChannelOrder.ToString(), string.Join(',', Metadata.Classes));
    }

    /// <summary>The model file.</summary>
    public string ModelPath { get; }

    /// <summary>Input/normalisation/class metadata read from the model.</summary>
    public MaskClassifierMetadata Metadata { get; }

    /// <summary>Number of ONNX Runtime runs so far (diagnostics: one per batch of up to MaxBatch crops).</summary>
    public long RunCount => Interlocked.Read(ref _runs);

    /// <summary>Floats per crop tensor (3·S·S).</summary>
    public int TensorLength => 3 * Metadata.InputSize * Metadata.InputSize;

    /// <summary>
    /// Classifies <paramref name="count"/> crops laid out as [count,3,S,S]; writes [count,C]
    /// probabilities (C = Metadata.ClassCount).
    /// </summary>
    public void Classify(ReadOnlySpan<float> batchNchw, int count, Span<float> probabilities)
    {
        if (count == 0)
            return;
        int length = count * TensorLength;
        if (batchNchw.Length < length)
            throw new ArgumentException($"Batch needs {length} floats for {count} crops, has {batchNchw.Length}.", nameof(batchNchw));
        var pooled = ArrayPool<float>.Shared.Rent(length);
        try
        {
            batchNchw[..length].CopyTo(pooled);
            Classify(pooled, count, probabilities);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(pooled);
        }
    }

    /// <summary>Crops a face with the model's margin and size and writes its normalised tensor (3·S·S floats).</summary>
    public void CropToTensor(BgrFrame frame, BoxF face, Span<float> destChw)
    {
        int size = Metadata.InputSize;
        var crop = ArrayPool<byte>.Shared.Rent(size * size * 3);
        try
        {
            FaceCropper.CropSquare(frame, face, Metadata.CropMargin, size, crop);
            FaceCropper.ToTensor(crop, size, Metadata, destChw);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(crop);
        }
    }

    /// <summary>Crops and classifies faces of one frame; writes [faces,C] probabilities.</summary>
    public void ClassifyFaces(BgrFrame frame, ReadOnlySpan<BoxF> faces, Span<float> probabilities)
    {
        if (faces.IsEmpty)
            return;
        var tensor = ArrayPool<float>.Shared.Rent(faces.Length * TensorLength);
        try
        {
            for (int i = 0; i < faces.Length; i++)
                CropToTensor(frame, faces[i], tensor.AsSpan(i * TensorLength, TensorLength));
            Classify(tensor, faces.Length, probabilities);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(tensor);
        }
    }

    /// <summary>Classifies crops already in a (pooled) array without copying them.</summary>
    public void Classify(float[] batchNchw, int count, Span<float> probabilities)
    {
        int classes = Metadata.ClassCount;
        if (probabilities.Length < count * classes)
            throw new ArgumentException($"Probabilities need {count * classes} floats, has {probabilities.Length}.", nameof(probabilities));
        int s = Metadata.InputSize;
        var output = ArrayPool<float>.Shared.Rent(Math.Min(count, _chunk) * classes);
        try
        {
            for (int start = 0; start < count; start += _chunk)
            {
                int n = Math.Min(_chunk, count - start);
                using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance,
                    batchNchw.AsMemory(start * TensorLength, n * TensorLength), [n, 3, s, s]);
                using var result = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance,
                    output.AsMemory(0, n * classes), [n, classes]);
                _session.Run(_runOptions, _inputNames, [input], _outputNames, [result]);
                Interlocked.Increment(ref _runs);
                output.AsSpan(0, n * classes).CopyTo(probabilities.Slice(start * classes, n * classes));
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(output);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _session.Dispose();
        _runOptions.Dispose();
    }

    private static (string[] Inputs, string[] Outputs, int FixedBatch) Validate(InferenceSession session, MaskClassifierMetadata meta, string path)
    {
        if (session.InputMetadata.Count != 1)
            throw new ModelLoadException(path, $"expected one input [N,3,S,S], found {session.InputMetadata.Count}");
        var (inName, input) = session.InputMetadata.First();
        var d = input.Dimensions;
        int s = meta.InputSize;
        if (input.ElementType != typeof(float) || d.Length != 4 || d[1] != 3 || (d[2] != s && d[2] > 0) || (d[3] != s && d[3] > 0))
            throw new ModelLoadException(path, $"input '{inName}' is [{string.Join(',', d)}], expected float [N,3,{s},{s}] (metadata input_size {s})");
        if (d[0] > 1)
            throw new ModelLoadException(path, $"input '{inName}' has a fixed batch of {d[0]}; expected a dynamic batch dimension");

        var outName = session.OutputMetadata.ContainsKey(MaskClassifierMetadataKeys.OutputName)
            ? MaskClassifierMetadataKeys.OutputName
            : session.OutputMetadata.Count == 1 ? session.OutputMetadata.Keys.First()
            : throw new ModelLoadException(path, $"output '{MaskClassifierMetadataKeys.OutputName}' is missing");
        var o = session.OutputMetadata[outName];
        if (o.ElementType != typeof(float) || o.Dimensions.Length != 2 || (o.Dimensions[1] != meta.ClassCount && o.Dimensions[1] > 0))
            throw new ModelLoadException(path, $"output '{outName}' is [{string.Join(',', o.Dimensions)}], expected float [N,{meta.ClassCount}]");
        return ([inName], [outName], d[0] == 1 ? 1 : 0);
    }
}

using System.Buffers;
using Microsoft.ML.OnnxRuntime;

namespace CctvMask.Vision.FaceDetection;

/// <summary>
/// Pooled input/output buffers for one input size and up to <see cref="Capacity"/> images, plus the
/// OrtValues over them for each batch size used so far (a batch of n uses the first n images of
/// every buffer). Reused across runs, so varying batch sizes allocate nothing once seen.
/// </summary>
internal sealed class YuNetWorkspace : IDisposable
{
    private readonly int[] _strides;
    private readonly int[] _kindWidths;
    private readonly float[][] _outputs;
    private readonly OrtValue[]?[] _inputValues;
    private readonly OrtValue[]?[] _outputValues;

    public YuNetWorkspace(int capacity, int width, int height, int[] strides, int[] kindWidths)
    {
        Capacity = capacity;
        Width = width;
        Height = height;
        _strides = strides;
        _kindWidths = kindWidths;
        Input = ArrayPool<float>.Shared.Rent(capacity * ImageLength);
        _outputs = new float[kindWidths.Length * strides.Length][];
        int cellsPerImage = 0;
        for (int k = 0; k < kindWidths.Length; k++)
        {
            for (int s = 0; s < strides.Length; s++)
            {
                int cells = Cells(s);
                if (k == 0)
                    cellsPerImage += cells;
                _outputs[k * strides.Length + s] = ArrayPool<float>.Shared.Rent(capacity * cells * kindWidths[k]);
            }
        }
        _inputValues = new OrtValue[]?[capacity + 1];
        _outputValues = new OrtValue[]?[capacity + 1];
        Candidates = ArrayPool<RawFace>.Shared.Rent(cellsPerImage);
    }

    public int Capacity { get; }

    public int Width { get; }

    public int Height { get; }

    public int ImageLength => 3 * Width * Height;

    public float[] Input { get; }

    /// <summary>Room for every cell of one image above the score threshold.</summary>
    public RawFace[] Candidates { get; }

    public bool Fits(int batch, int width, int height) => batch <= Capacity && Width == width && Height == height;

    public float[] Output(int kind, int strideIndex) => _outputs[kind * _strides.Length + strideIndex];

    public OrtValue[] InputValues(int batch) =>
        _inputValues[batch] ??= [OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance,
            Input.AsMemory(0, batch * ImageLength), [batch, 3, Height, Width])];

    public OrtValue[] OutputValues(int batch)
    {
        if (_outputValues[batch] is { } cached)
            return cached;
        var values = new OrtValue[_outputs.Length];
        for (int k = 0; k < _kindWidths.Length; k++)
        {
            for (int s = 0; s < _strides.Length; s++)
            {
                int cells = Cells(s);
                values[k * _strides.Length + s] = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance,
                    _outputs[k * _strides.Length + s].AsMemory(0, batch * cells * _kindWidths[k]), [batch, cells, _kindWidths[k]]);
            }
        }
        return _outputValues[batch] = values;
    }

    public void Dispose()
    {
        foreach (var set in _inputValues.Concat(_outputValues))
        {
            if (set is null)
                continue;
            foreach (var v in set)
                v.Dispose();
        }
        ArrayPool<float>.Shared.Return(Input);
        foreach (var o in _outputs)
            ArrayPool<float>.Shared.Return(o);
        ArrayPool<RawFace>.Shared.Return(Candidates);
    }

    private int Cells(int strideIndex) => Width / _strides[strideIndex] * (Height / _strides[strideIndex]);
}

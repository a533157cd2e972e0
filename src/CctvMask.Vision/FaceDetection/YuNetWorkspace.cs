using System.Buffers;
using Microsoft.ML.OnnxRuntime;

namespace CctvMask.Vision.FaceDetection;

/// <summary>
/// Pooled input/output buffers and the OrtValues over them for one batch size and input size; reused
/// across runs while they match.
/// </summary>
internal sealed class YuNetWorkspace : IDisposable
{
    private readonly int _strideCount;
    private readonly float[][] _outputs;

    public YuNetWorkspace(int batch, int width, int height, int[] strides, int[] kindWidths)
    {
        Batch = batch;
        Width = width;
        Height = height;
        _strideCount = strides.Length;
        Input = ArrayPool<float>.Shared.Rent(batch * 3 * width * height);
        InputValues = [OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance,
            Input.AsMemory(0, batch * 3 * width * height), [batch, 3, height, width])];

        _outputs = new float[kindWidths.Length * strides.Length][];
        var values = new OrtValue[_outputs.Length];
        int cellsPerImage = 0;
        for (int k = 0; k < kindWidths.Length; k++)
        {
            for (int s = 0; s < strides.Length; s++)
            {
                int cells = width / strides[s] * (height / strides[s]);
                if (k == 0)
                    cellsPerImage += cells;
                int length = batch * cells * kindWidths[k];
                var buffer = ArrayPool<float>.Shared.Rent(length);
                _outputs[k * strides.Length + s] = buffer;
                values[k * strides.Length + s] = OrtValue.CreateTensorValueFromMemory(
                    OrtMemoryInfo.DefaultInstance, buffer.AsMemory(0, length), [batch, cells, kindWidths[k]]);
            }
        }
        OutputValues = values;
        Candidates = ArrayPool<RawFace>.Shared.Rent(cellsPerImage);
    }

    public int Batch { get; }

    public int Width { get; }

    public int Height { get; }

    public float[] Input { get; }

    public OrtValue[] InputValues { get; }

    public OrtValue[] OutputValues { get; }

    /// <summary>Room for every cell of one image above the score threshold.</summary>
    public RawFace[] Candidates { get; }

    public bool Matches(int batch, int width, int height) => Batch == batch && Width == width && Height == height;

    public float[] Output(int kind, int strideIndex) => _outputs[kind * _strideCount + strideIndex];

    public void Dispose()
    {
        foreach (var v in InputValues)
            v.Dispose();
        foreach (var v in OutputValues)
            v.Dispose();
        ArrayPool<float>.Shared.Return(Input);
        foreach (var o in _outputs)
            ArrayPool<float>.Shared.Return(o);
        ArrayPool<RawFace>.Shared.Return(Candidates);
    }
}

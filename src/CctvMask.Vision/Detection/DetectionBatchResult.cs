using System.Buffers;

namespace CctvMask.Vision.Detection;

/// <summary>
/// Faces of every frame of one <see cref="TwoPhaseDetector.Detect"/> call, in pooled buffers: the spans
/// are valid until the result is disposed.
/// </summary>
public sealed class DetectionBatchResult : IDisposable
{
    private DetectedFace[]? _faces;
    private int[]? _offsets;

    internal DetectionBatchResult(DetectedFace[] faces, int[] offsets, int frameCount)
    {
        _faces = faces;
        _offsets = offsets;
        FrameCount = frameCount;
    }

    /// <summary>Number of frames.</summary>
    public int FrameCount { get; }

    /// <summary>Number of faces over all frames.</summary>
    public int FaceCount => Offsets[FrameCount];

    /// <summary>Faces of all frames, frame after frame.</summary>
    public ReadOnlySpan<DetectedFace> AllFaces => Faces.AsSpan(0, FaceCount);

    /// <summary>Faces of frame <paramref name="frameIndex"/> (best detection score first).</summary>
    public ReadOnlySpan<DetectedFace> this[int frameIndex] => GetFaces(frameIndex);

    private DetectedFace[] Faces => _faces ?? throw new ObjectDisposedException(nameof(DetectionBatchResult));

    private int[] Offsets => _offsets ?? throw new ObjectDisposedException(nameof(DetectionBatchResult));

    /// <summary>Faces of frame <paramref name="frameIndex"/> (best detection score first).</summary>
    public ReadOnlySpan<DetectedFace> GetFaces(int frameIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frameIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(frameIndex, FrameCount);
        var offsets = Offsets;
        return Faces.AsSpan(offsets[frameIndex], offsets[frameIndex + 1] - offsets[frameIndex]);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _faces, null) is { } faces)
            ArrayPool<DetectedFace>.Shared.Return(faces);
        if (Interlocked.Exchange(ref _offsets, null) is { } offsets)
            ArrayPool<int>.Shared.Return(offsets);
    }
}

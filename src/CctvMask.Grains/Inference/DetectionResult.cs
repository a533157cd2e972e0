using System.Buffers;
using CctvMask.Vision.Detection;

namespace CctvMask.Grains.Inference;

/// <summary>
/// Faces found in one submitted frame. The face array is pooled: dispose the result when done
/// (the <see cref="Faces"/> span is invalid afterwards).
/// </summary>
public sealed class DetectionResult : IDisposable
{
    private DetectedFace[]? _faces;
    private readonly int _count;

    private DetectionResult(DetectionStatus status, DetectedFace[]? faces, int count, int batchSize)
    {
        Status = status;
        _faces = faces;
        _count = count;
        BatchSize = batchSize;
    }

    /// <summary>The shared result of a dropped frame.</summary>
    public static DetectionResult Dropped { get; } = new(DetectionStatus.Dropped, null, 0, 0);

    /// <summary>Completed or dropped.</summary>
    public DetectionStatus Status { get; }

    /// <summary>Frames in the batch this frame ran in (0 when dropped).</summary>
    public int BatchSize { get; }

    /// <summary>Number of faces.</summary>
    public int FaceCount => _count;

    /// <summary>The faces (valid until disposed).</summary>
    public ReadOnlySpan<DetectedFace> Faces =>
        _count == 0 ? [] : (_faces ?? throw new ObjectDisposedException(nameof(DetectionResult))).AsSpan(0, _count);

    internal static DetectionResult Create(ReadOnlySpan<DetectedFace> faces, int batchSize)
    {
        if (faces.IsEmpty) return new DetectionResult(DetectionStatus.Completed, null, 0, batchSize);
        var array = ArrayPool<DetectedFace>.Shared.Rent(faces.Length);
        faces.CopyTo(array);
        return new DetectionResult(DetectionStatus.Completed, array, faces.Length, batchSize);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        var faces = Interlocked.Exchange(ref _faces, null);
        if (faces is not null) ArrayPool<DetectedFace>.Shared.Return(faces);
    }
}

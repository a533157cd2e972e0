using System.Buffers;
using CctvMask.Vision.Detection;
using CctvMask.Vision.FaceCrop;
using CctvMask.Vision.FaceDetection;
using CctvMask.Vision.Imaging;

namespace CctvMask.Grains.Inference;

/// <summary>
/// The production <see cref="IFaceModels"/>: Vision's detector and classifier (one set of sessions per
/// process), with the label rule of <see cref="TwoPhaseDetector.Judge"/>. The crop tensor and the
/// probabilities are pooled and grow to the largest crop batch seen; steady state allocates nothing.
/// </summary>
public sealed class TwoPhaseFaceModels : IFaceModels, IDisposable
{
    private readonly TwoPhaseDetector _detector;
    private float[] _tensor = [];
    private float[] _probabilities = [];

    /// <summary>Wraps the process's detector.</summary>
    public TwoPhaseFaceModels(TwoPhaseDetector detector)
    {
        ArgumentNullException.ThrowIfNull(detector);
        _detector = detector;
    }

    /// <inheritdoc />
    public int CropSize => _detector.Classifier.Metadata.InputSize;

    /// <inheritdoc />
    public int MaxFrames => _detector.Options.MaxFramesPerBatch;

    /// <inheritdoc />
    public int MaxFaces => _detector.Options.MaxFacesPerBatch;

    /// <inheritdoc />
    public bool IsTooSmall(in RawFace face) => _detector.IsTiny(face);

    /// <inheritdoc />
    public int DetectFaces(ReadOnlySpan<BgrFrame> frames, ReadOnlySpan<int> smallFaceLongSides, Span<RawFace> faces, Span<int> counts) =>
        _detector.FaceDetector.Detect(frames, smallFaceLongSides, faces, counts);

    /// <inheritdoc />
    public void Crop(BgrFrame frame, in RawFace face, Span<byte> cropBgr)
    {
        var meta = _detector.Classifier.Metadata;
        FaceCropper.CropSquare(frame, face.Box, meta.CropMargin, meta.InputSize, cropBgr);
    }

    /// <inheritdoc />
    public void Classify(ReadOnlySpan<byte> cropsBgr, ReadOnlySpan<RawFace> faces, int count, Span<DetectedFace> judged)
    {
        if (count == 0) return;
        var classifier = _detector.Classifier;
        var meta = classifier.Metadata;
        int size = meta.InputSize, cropBytes = size * size * 3, tensorLength = classifier.TensorLength, classes = meta.ClassCount;
        Grow(ref _tensor, count * tensorLength);
        Grow(ref _probabilities, count * classes);
        for (int i = 0; i < count; i++)
            FaceCropper.ToTensor(cropsBgr.Slice(i * cropBytes, cropBytes), size, meta, _tensor.AsSpan(i * tensorLength, tensorLength));
        classifier.Classify(_tensor, count, _probabilities);
        for (int i = 0; i < count; i++)
            judged[i] = _detector.Judge(faces[i], _probabilities.AsSpan(i * classes, classes));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Release(ref _tensor);
        Release(ref _probabilities);
    }

    private static void Grow(ref float[] buffer, int length)
    {
        if (buffer.Length >= length) return;
        Release(ref buffer);
        buffer = ArrayPool<float>.Shared.Rent(length);
    }

    private static void Release(ref float[] buffer)
    {
        if (buffer.Length > 0) ArrayPool<float>.Shared.Return(buffer);
        buffer = [];
    }
}

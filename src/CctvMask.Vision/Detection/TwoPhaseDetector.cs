using System.Buffers;
using CctvMask.Vision.FaceCrop;
using CctvMask.Vision.FaceDetection;
using CctvMask.Vision.Imaging;
using CctvMask.Vision.MaskClassification;
using Microsoft.Extensions.Logging;

namespace CctvMask.Vision.Detection;

/// <summary>
/// The two-phase detector: YuNet finds faces in every frame of a batch, then the mask classifier runs
/// once over the crops of all faces of the batch. Faces smaller than MinFaceSize are labelled "unknown"
/// (still classified for their probability unless ScoreTinyFaces is off); a top probability below
/// MinConfidence gives "unknown" as well.
/// Thread-safe; sessions are created once; per-call buffers are pooled.
/// </summary>
public sealed class TwoPhaseDetector : IDisposable
{
    private readonly TwoPhaseDetectorOptions _options;
    private readonly YuNetFaceDetector _detector;
    private readonly MaskClassifier _classifier;

    /// <summary>Loads both models; throws <see cref="ModelLoadException"/> or a validation exception.</summary>
    public TwoPhaseDetector(TwoPhaseDetectorOptions options, ILogger<TwoPhaseDetector>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        var runtime = options.Runtime();
        _detector = new YuNetFaceDetector(options.Detector, runtime, logger);
        try
        {
            _classifier = new MaskClassifier(options.Classifier, runtime, logger);
        }
        catch
        {
            _detector.Dispose();
            throw;
        }
    }

    /// <summary>The options in use.</summary>
    public TwoPhaseDetectorOptions Options => _options;

    /// <summary>Phase 1.</summary>
    public YuNetFaceDetector FaceDetector => _detector;

    /// <summary>Phase 2.</summary>
    public MaskClassifier Classifier => _classifier;

    /// <summary>
    /// Detects and classifies faces in a batch of frames (sizes may differ). Dispose the result to
    /// return its buffers.
    /// </summary>
    public DetectionBatchResult Detect(ReadOnlySpan<BgrFrame> frames)
    {
        if (frames.Length > _options.MaxFramesPerBatch)
            throw new ArgumentException($"{frames.Length} frames exceed MaxFramesPerBatch ({_options.MaxFramesPerBatch}).", nameof(frames));

        int capacity = _options.MaxFacesPerBatch;
        var raw = ArrayPool<RawFace>.Shared.Rent(capacity);
        var counts = ArrayPool<int>.Shared.Rent(Math.Max(1, frames.Length));
        var offsets = ArrayPool<int>.Shared.Rent(frames.Length + 1);
        DetectedFace[]? faces = null;
        try
        {
            int total = frames.IsEmpty ? 0 : _detector.Detect(frames, raw.AsSpan(0, capacity), counts.AsSpan(0, frames.Length));
            faces = ArrayPool<DetectedFace>.Shared.Rent(Math.Max(1, total));
            offsets[0] = 0;
            for (int f = 0; f < frames.Length; f++)
                offsets[f + 1] = offsets[f] + counts[f];
            Classify(frames, raw.AsSpan(0, total), offsets, faces);
            var result = new DetectionBatchResult(faces, offsets, frames.Length);
            faces = null;
            offsets = null;
            return result;
        }
        finally
        {
            ArrayPool<RawFace>.Shared.Return(raw);
            ArrayPool<int>.Shared.Return(counts);
            if (offsets is not null)
                ArrayPool<int>.Shared.Return(offsets);
            if (faces is not null)
                ArrayPool<DetectedFace>.Shared.Return(faces);
        }
    }

    /// <summary>Detects faces in one frame and returns them as a new list (allocates; for CLI/API use).</summary>
    public IReadOnlyList<DetectedFace> DetectOne(BgrFrame frame)
    {
        using var result = Detect(new ReadOnlySpan<BgrFrame>(in frame));
        return result[0].ToArray();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _detector.Dispose();
        _classifier.Dispose();
    }

    private void Classify(ReadOnlySpan<BgrFrame> frames, ReadOnlySpan<RawFace> raw, ReadOnlySpan<int> offsets, Span<DetectedFace> faces)
    {
        var meta = _classifier.Metadata;
        int size = meta.InputSize, tensorLength = _classifier.TensorLength, classes = meta.ClassCount;
        var slots = ArrayPool<int>.Shared.Rent(Math.Max(1, raw.Length));
        var tensor = ArrayPool<float>.Shared.Rent(Math.Max(1, raw.Length) * tensorLength);
        var crop = ArrayPool<byte>.Shared.Rent(size * size * 3);
        var probabilities = ArrayPool<float>.Shared.Rent(Math.Max(1, raw.Length) * classes);
        try
        {
            // Crops of every judgeable face of the whole batch go into one tensor: phase 2 runs once.
            int crops = 0;
            for (int f = 0; f < frames.Length; f++)
            {
                for (int i = offsets[f]; i < offsets[f + 1]; i++)
                {
                    if (!_options.ScoreTinyFaces && IsTiny(raw[i]))
                    {
                        slots[i] = -1;
                        continue;
                    }
                    FaceCropper.CropSquare(frames[f], raw[i].Box, meta.CropMargin, size, crop);
                    FaceCropper.ToTensor(crop, size, meta, tensor.AsSpan(crops * tensorLength, tensorLength));
                    slots[i] = crops++;
                }
            }
            if (crops > 0)
                _classifier.Classify(tensor, crops, probabilities.AsSpan(0, crops * classes));

            for (int i = 0; i < raw.Length; i++)
            {
                var r = raw[i];
                faces[i] = slots[i] < 0
                    ? new DetectedFace(r.Box, r.Score, r.Landmarks, FaceLabel.Unknown, float.NaN)
                    : Judge(r, probabilities.AsSpan(slots[i] * classes, classes), meta);
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(slots);
            ArrayPool<float>.Shared.Return(tensor);
            ArrayPool<byte>.Shared.Return(crop);
            ArrayPool<float>.Shared.Return(probabilities);
        }
    }

    /// <summary>True when a face is too small to label (<see cref="TwoPhaseDetectorOptions.MinFaceSize"/>).</summary>
    public bool IsTiny(in RawFace face) => face.Box.ShortSide < _options.MinFaceSize;

    /// <summary>
    /// The label rule, in one place for every caller: the top class when the face is large enough and
    /// the classifier confident enough, else "unknown". <paramref name="p"/> = one face's class probabilities.
    /// A three-class model can answer "mask_incorrect"; a two-class model never does.
    /// </summary>
    public DetectedFace Judge(in RawFace face, ReadOnlySpan<float> p) => Judge(face, p, _classifier.Metadata);

    private DetectedFace Judge(in RawFace face, ReadOnlySpan<float> p, MaskClassifierMetadata meta)
    {
        int top = 0;
        for (int c = 1; c < p.Length; c++)
        {
            if (p[c] > p[top])
                top = c;
        }
        var label = IsTiny(face) || p[top] < _options.MinConfidence ? FaceLabel.Unknown
            : top == meta.WithMaskIndex ? FaceLabel.WithMask
            : top == meta.WithoutMaskIndex ? FaceLabel.WithoutMask
            : top == meta.IncorrectIndex ? FaceLabel.Incorrect
            : FaceLabel.Unknown;
        return new DetectedFace(face.Box, face.Score, face.Landmarks, label, p[meta.WithMaskIndex],
            meta.IncorrectIndex >= 0 ? p[meta.IncorrectIndex] : float.NaN);
    }
}

using CctvMask.Vision.Evaluation;
using CctvMask.Vision.FaceDetection;
using CctvMask.Vision.Imaging;

namespace CctvMask.Training.Detection;

/// <summary>
/// Face AP50 of an exported model on the validation photos, through Vision's own <see cref="YuNetFaceDetector"/>
/// (the production pre-processing, decoding and NMS), so what is chosen is what will run. Photos are decoded once.
/// </summary>
public sealed class DetectorValidator(IReadOnlyList<DetectorPhoto> photos, DetectorValidationOptions options) : IDisposable
{
    private const int MaxFaces = 2048;
    private readonly List<BgrImage> _images = [];

    /// <summary>Face AP (class-agnostic; mask_weared_incorrect boxes ignored) and recall at the options' IoU.</summary>
    public (double Ap, double Recall) Evaluate(string modelPath)
    {
        if (photos.Count == 0) return (double.NaN, double.NaN);
        if (_images.Count == 0)
            _images.AddRange(photos.Select(p => ImageCodec.DecodeFile(p.ImagePath)));
        var detectorOptions = new FaceDetectorOptions
        {
            ModelPath = modelPath,
            InputSizePolicy = InputSizePolicy.AtLeastLongSide,
            LongSide = options.LongSide,
            ZoomLongSide = options.ZoomLongSide,
            ScoreThreshold = options.ScoreThreshold,
            MaxFacesPerFrame = MaxFaces,
        };
        using var detector = new YuNetFaceDetector(detectorOptions);
        var results = new RawFace[MaxFaces];
        var evaluated = new List<EvaluatedImage>(photos.Count);
        for (int i = 0; i < photos.Count; i++)
        {
            int n = detector.Detect(_images[i].AsFrame(), results);
            var detections = new EvalDetection[n];
            for (int d = 0; d < n; d++)
                detections[d] = new EvalDetection(results[d].Box, results[d].Score, float.NaN, null);
            evaluated.Add(new EvaluatedImage(photos[i].GroundTruth, detections));
        }
        var ap = AveragePrecision.Compute(evaluated, null, options.IouThreshold);
        return (ap.Ap, ap.Positives > 0 ? (double)ap.TruePositives / ap.Positives : double.NaN);
    }

    public void Dispose()
    {
        foreach (var image in _images) image.Dispose();
        _images.Clear();
    }
}

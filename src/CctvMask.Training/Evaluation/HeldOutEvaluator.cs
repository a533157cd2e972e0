using CctvMask.Training.Data;
using CctvMask.Training.Metrics;
using CctvMask.Vision.Evaluation;
using CctvMask.Vision.FaceCrop;
using CctvMask.Vision.Geometry;
using CctvMask.Vision.Imaging;
using CctvMask.Vision.MaskClassification;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace CctvMask.Training.Evaluation;

/// <summary>
/// Evaluates an exported classifier on the held-out photos (<see cref="HoldOutRule"/>) exactly as inference
/// runs it: phase-1 detections, the model's own crop (metadata margin and size), ONNX Runtime.
/// </summary>
public sealed class HeldOutEvaluator(IFaceFinder finder, int holdOutModulus, float minFaceSize = 12f, float minConfidence = 0.6f)
{
    public const float MatchIoU = 0.5f;
    private static readonly (string Name, float Upper)[] SizeBins = [("<12", 12), ("12-16", 16), ("16-32", 32), (">=32", float.MaxValue)];

    public HeldOutReport Evaluate(byte[] model, string photosDir)
    {
        using var session = new InferenceSession(model);
        var meta = MaskClassifierMetadata.Parse(session.ModelMetadata.CustomMetadataMap, "(exported model)");
        var classes = meta.Classes;
        int s = meta.InputSize, len = 3 * s * s;
        var all = new ConfusionMatrix(classes.Count);
        var labelled = new ConfusionMatrix(classes.Count);
        var bySize = SizeBins.ToDictionary(b => b.Name, _ => new ConfusionMatrix(classes.Count));
        int photos = 0, truths = 0, matched = 0, unlabelled = 0;
        var crop = new byte[s * s * 3];
        foreach (var photo in AnnotatedPhoto.Enumerate(photosDir).Where(p => HoldOutRule.IsHeldOut(p.ImagePath, holdOutModulus)))
        {
            using var image = ImageCodec.DecodeFile(photo.ImagePath);
            photos++;
            var detections = finder.Find(image.AsFrame());
            // A three-class model is also judged on the incorrectly worn masks (an ignore region for two classes).
            var targets = photo.Annotation.Faces.Where(f => f.IsTarget || (f.Class == GroundTruthClass.Incorrect && meta.IncorrectIndex >= 0)).ToList();
            truths += targets.Count;
            var pairs = Match(targets, detections);
            if (pairs.Count == 0) continue;
            var input = new float[pairs.Count * len];
            for (int i = 0; i < pairs.Count; i++)
            {
                FaceCropper.CropSquare(image.AsFrame(), pairs[i].Detection.Box, meta.CropMargin, s, crop);
                FaceCropper.ToTensor(crop, s, meta, input.AsSpan(i * len, len));
            }
            using var results = session.Run([NamedOnnxValue.CreateFromTensor("input", new DenseTensor<float>(input, [pairs.Count, 3, s, s]))]);
            var probs = results.Single().AsEnumerable<float>().ToArray();
            for (int i = 0; i < pairs.Count; i++)
            {
                int actual = pairs[i].Truth.Class switch
                {
                    GroundTruthClass.WithMask => meta.WithMaskIndex,
                    GroundTruthClass.WithoutMask => meta.WithoutMaskIndex,
                    _ => meta.IncorrectIndex,
                };
                var p = probs.AsSpan(i * classes.Count, classes.Count);
                int predicted = p.IndexOf(TensorMax(p));
                all.Add(actual, predicted);
                matched++;
                var box = pairs[i].Detection.Box;
                float size = MathF.Sqrt(box.Area);
                bySize[SizeBins.First(b => size < b.Upper).Name].Add(actual, predicted);
                if (box.LongSide >= minFaceSize && p[predicted] >= minConfidence) labelled.Add(actual, predicted);
                else unlabelled++;
            }
        }
        return new HeldOutReport(photos, truths, matched, ClassificationReport.From(all, classes), ClassificationReport.From(labelled, classes),
            unlabelled, bySize.ToDictionary(p => p.Key, p => ClassificationReport.From(p.Value, classes)), minFaceSize, minConfidence);
    }

    private static float TensorMax(ReadOnlySpan<float> p)
    {
        float m = float.NegativeInfinity;
        foreach (var v in p) m = MathF.Max(m, v);
        return m;
    }

    /// <summary>Greedy one-to-one matching by IoU (highest first), IoU ≥ 0.5.</summary>
    private static List<(GroundTruthFace Truth, FoundFace Detection)> Match(IReadOnlyList<GroundTruthFace> truths, IReadOnlyList<FoundFace> detections)
    {
        var candidates = new List<(float IoU, int T, int D)>();
        for (int t = 0; t < truths.Count; t++)
            for (int d = 0; d < detections.Count; d++)
            {
                float iou = BoxF.IoU(truths[t].Box, detections[d].Box);
                if (iou >= MatchIoU) candidates.Add((iou, t, d));
            }
        var usedT = new HashSet<int>();
        var usedD = new HashSet<int>();
        var pairs = new List<(GroundTruthFace, FoundFace)>();
        foreach (var (_, t, d) in candidates.OrderByDescending(c => c.IoU))
        {
            if (!usedT.Add(t)) continue;
            if (!usedD.Add(d)) { usedT.Remove(t); continue; }
            pairs.Add((truths[t], detections[d]));
        }
        return pairs;
    }
}
